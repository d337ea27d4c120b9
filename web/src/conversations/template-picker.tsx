import { Select, Stack, TextInput } from '@mantine/core';
import type { Template } from '../api/types';
import { templateKey, type TemplateDraft } from './outgoing-message';
import { parameterNames } from './template-fill';
import { TemplatePreview } from './template-preview';

/** Props of the template picker. */
export interface TemplatePickerProps {
  templates: Template[];
  draft: TemplateDraft;
  onChange(draft: TemplateDraft): void;
  disabled?: boolean;
}

const CATEGORY: Record<string, string> = {
  UTILITY: 'Utility',
  MARKETING: 'Marketing',
  AUTHENTICATION: 'Authentication',
};

/** Chooses an approved template, asks one value per placeholder and previews the message. */
export function TemplatePicker({ templates, draft, onChange, disabled }: TemplatePickerProps) {
  const chosen = templates.find((template) => templateKey(template) === draft.key);
  const names = chosen ? parameterNames(chosen.body, chosen.parameterCount) : [];
  const setParameter = (index: number, value: string) => {
    const parameters = [...draft.parameters];
    while (parameters.length <= index) parameters.push('');
    parameters[index] = value;
    onChange({ ...draft, parameters });
  };
  return (
    <Stack gap="xs">
      <Select
        label="Template"
        description="Only approved templates can open a conversation"
        placeholder="Choose a template"
        data={templates.map((template) => ({
          value: templateKey(template),
          label: `${template.name} (${template.language}) · ${CATEGORY[template.category] ?? template.category}`,
        }))}
        value={draft.key}
        onChange={(key) => onChange({ key, parameters: [] })}
        searchable
        nothingFoundMessage="No template has this name"
        readOnly={disabled}
        comboboxProps={{ withinPortal: true }}
      />
      {chosen && (
        <>
          {names.map((name, index) => (
            <TextInput
              key={`${draft.key ?? ''}:${name}`}
              label={`Value for {{${name}}}`}
              required
              maxLength={1024}
              value={draft.parameters[index] ?? ''}
              onChange={(event) => setParameter(index, event.currentTarget.value)}
              readOnly={disabled}
            />
          ))}
          <TemplatePreview body={chosen.body} parameters={draft.parameters} />
        </>
      )}
    </Stack>
  );
}
