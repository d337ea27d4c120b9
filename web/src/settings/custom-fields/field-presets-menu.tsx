import { Button, Menu, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { CustomField } from '../../api/types';
import { queryKeys } from '../../api/workspace-queries';
import type { CUSTOM_FIELD_PRESETS } from '../../../../src/shared/custom-field-schemas';
import { notifyFailure } from '../shared/notify';
import type { ResultMessage } from '../shared/result-notice';

type Preset = (typeof CUSTOM_FIELD_PRESETS)[number];

const PRESETS: Array<{ id: Preset; name: string; summary: string }> = [
  {
    id: 'ecommerce',
    name: 'E-commerce',
    summary: 'Lifetime value, total orders, last purchase, favourite category',
  },
  { id: 'saas', name: 'SaaS', summary: 'Plan, MRR, contract end, usage tier' },
  { id: 'services', name: 'Services', summary: 'Client since, service type, billing cycle, account manager' },
];

/** What a preset added, in words: the new fields, or why nothing was added. */
export function describePresetResult(name: string, before: CustomField[], after: CustomField[]): string {
  const known = new Set(before.map((field) => field.key));
  const added = after.filter((field) => !known.has(field.key));
  if (added.length === 0)
    return `Nothing added: every ${name} field exists already, and existing keys are skipped.`;
  const list = added.map((field) => field.label).join(', ');
  return `Added ${added.length} ${name} ${added.length === 1 ? 'field' : 'fields'}: ${list}. Fields whose key existed already are kept as they are.`;
}

/** Props of the presets menu. */
export interface FieldPresetsMenuProps {
  fields: CustomField[];
  onResult(result: ResultMessage): void;
}

/** One-click preset groups (E-commerce, SaaS, Services); reports what was added. */
export function FieldPresetsMenu({ fields, onResult }: FieldPresetsMenuProps) {
  const queryClient = useQueryClient();
  const apply = useMutation({
    mutationFn: async (preset: (typeof PRESETS)[number]) => {
      const { data } = await api.post<{ data: CustomField[] }>(`/custom-fields/presets/${preset.id}`);
      return { preset, data };
    },
    onSuccess: ({ preset, data }) => {
      queryClient.setQueryData<CustomField[]>(
        queryKeys.customFields,
        [...data].sort((a, b) => a.position - b.position),
      );
      onResult({ title: `${preset.name} preset`, message: describePresetResult(preset.name, fields, data) });
    },
    onError: (error) => notifyFailure('The preset was not added', error),
  });

  return (
    <Menu position="bottom-end" width={320} withinPortal>
      <Menu.Target>
        <Button variant="default" loading={apply.isPending}>
          Add preset group
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Ready-made fields, added in one click</Menu.Label>
        {PRESETS.map((preset) => (
          <Menu.Item key={preset.id} onClick={() => apply.mutate(preset)}>
            <Text size="sm" fw={500}>
              {preset.name}
            </Text>
            <Text size="xs" c="dimmed">
              {preset.summary}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
