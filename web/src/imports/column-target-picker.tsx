import { Group, Select, Stack, TextInput } from '@mantine/core';
import type { CustomFieldType } from '../../../src/shared/custom-field-types';
import type { ImportTarget } from '../../../src/shared/import-schemas';
import {
  CONSENT_CHANNEL_LABELS,
  CONSENT_PURPOSE_LABELS,
  NEW_FIELD_TYPE_OPTIONS,
  targetKey,
  type ConsentTarget,
  type TargetGroup,
} from './import-mapping';

/** Props of one column's target picker. */
export interface ColumnTargetPickerProps {
  /** The column's name, for labels read by screen readers. */
  columnName: string;
  target: ImportTarget;
  groups: TargetGroup[];
  /** Why this choice cannot be used, shown under the picker. */
  problem: string | null;
  onPick(key: string): void;
  onChange(target: ImportTarget): void;
}

const CHANNEL_OPTIONS = Object.entries(CONSENT_CHANNEL_LABELS).map(([value, label]) => ({ value, label }));
const PURPOSE_OPTIONS = Object.entries(CONSENT_PURPOSE_LABELS).map(([value, label]) => ({ value, label }));

/** Picks what a column becomes; a new custom field also asks for its name and type, consent for its channel and purpose. */
export function ColumnTargetPicker({
  columnName,
  target,
  groups,
  problem,
  onPick,
  onChange,
}: ColumnTargetPickerProps) {
  return (
    <Stack gap={6}>
      <Select
        aria-label={`Import “${columnName}” as`}
        data={groups}
        value={targetKey(target)}
        onChange={(value) => value && onPick(value)}
        allowDeselect={false}
        searchable
        maxDropdownHeight={320}
        comboboxProps={{ withinPortal: true }}
        error={problem}
        size="sm"
      />
      {target.kind === 'newCustom' && (
        <Group gap="xs" grow align="flex-start">
          <TextInput
            size="xs"
            label="Field name"
            aria-label={`Name of the new field for “${columnName}”`}
            value={target.label}
            maxLength={100}
            onChange={(event) => onChange({ ...target, label: event.currentTarget.value })}
          />
          <Select
            size="xs"
            label="Type"
            aria-label={`Type of the new field for “${columnName}”`}
            data={NEW_FIELD_TYPE_OPTIONS}
            value={target.type}
            onChange={(value) => value && onChange({ ...target, type: value as CustomFieldType })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
      )}
      {target.kind === 'consent' && (
        <Group gap="xs" grow>
          <Select
            size="xs"
            label="Channel"
            aria-label={`Consent channel of “${columnName}”`}
            data={CHANNEL_OPTIONS}
            value={target.channel}
            onChange={(value) => value && onChange({ ...target, channel: value as ConsentTarget['channel'] })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            size="xs"
            label="Purpose"
            aria-label={`Consent purpose of “${columnName}”`}
            data={PURPOSE_OPTIONS}
            value={target.purpose}
            onChange={(value) => value && onChange({ ...target, purpose: value as ConsentTarget['purpose'] })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
      )}
    </Stack>
  );
}
