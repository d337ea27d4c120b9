import { Anchor, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { CustomField } from '../api/types';
import { CustomFieldInput } from '../custom-fields/custom-field-input';
import { errorNode } from './field-problem';
import { valueAt } from './profile-form-model';
import { ProfileSection } from './profile-section';
import type { ProfileForm } from './use-profile-form';

/** Props of the Custom Fields section. */
export interface CustomFieldsSectionProps {
  form: ProfileForm;
  fields: CustomField[];
  defaultCountry: string;
  isAdmin: boolean;
}

/** Fields grouped by their group in field order (a group sits where its first field is); ungrouped last. */
export function groupFields(fields: CustomField[]): Array<{ group: string | null; fields: CustomField[] }> {
  const groups = new Map<string | null, CustomField[]>();
  for (const field of [...fields].sort((a, b) => a.position - b.position)) {
    const group = field.group?.trim() || null;
    groups.set(group, [...(groups.get(group) ?? []), field]);
  }
  const named = [...groups.entries()].filter(([group]) => group !== null);
  const ungrouped = groups.get(null);
  return [
    ...named.map(([group, list]) => ({ group, fields: list })),
    ...(ungrouped ? [{ group: null, fields: ungrouped }] : []),
  ];
}

const WIDE_TYPES = new Set(['long_text', 'multi_select']);

/** The workspace's custom fields, grouped (E-commerce, SaaS, Services…), each with an input fitting its type. */
export function CustomFieldsSection({ form, fields, defaultCountry, isAdmin }: CustomFieldsSectionProps) {
  const groups = groupFields(fields);
  return (
    <ProfileSection title="Custom Fields">
      {groups.length === 0 && (
        <Text size="sm" c="dimmed">
          This workspace has no custom fields yet.{' '}
          {isAdmin ? (
            <Anchor component={Link} to="/settings" size="sm" underline="always">
              Add fields in Settings
            </Anchor>
          ) : (
            'An admin can add them in Settings.'
          )}
        </Text>
      )}
      {groups.map(({ group, fields: list }) => (
        <Stack key={group ?? '(none)'} gap="xs">
          {groups.length > 1 || group ? (
            <Title order={3} size="h6" c="dimmed" tt="uppercase">
              {group ?? 'Other'}
            </Title>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
            {list.map((field) => {
              const path = `custom.${field.key}`;
              return (
                <div key={field.id} style={WIDE_TYPES.has(field.type) ? { gridColumn: '1 / -1' } : undefined}>
                  <CustomFieldInput
                    field={field}
                    value={valueAt(form.values, path, fields)}
                    onChange={(value) => form.setValue(path, value)}
                    error={errorNode(form.errorOf(path))}
                    defaultCountry={defaultCountry}
                    changed={form.dirtyPaths.includes(path)}
                  />
                </div>
              );
            })}
          </SimpleGrid>
        </Stack>
      ))}
    </ProfileSection>
  );
}
