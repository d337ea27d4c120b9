import {
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  TagsInput,
  TextInput,
} from '@mantine/core';
import type { FilterField } from '../../../src/shared/filter/filter-fields';
import { RELATIVE_DURATION, type FilterOp, type FilterValue } from '../../../src/shared/filter/filter-tree';
import { useMembers, useTags } from '../api/workspace-queries';
import { sourceLabel } from '../ui/source-labels';
import { VALUELESS_OPS } from './builder-model';
import { CONSENT_STATE_LABELS } from './field-options';

/** Props of a condition's value input. */
export interface ConditionValueInputProps {
  field: FilterField;
  op: FilterOp;
  value: FilterValue | undefined;
  onChange(value: FilterValue | undefined): void;
  /** Names the input for assistive technology ("Value of row 2"). */
  label: string;
}

const UNITS = [
  { value: 'h', label: 'hours' },
  { value: 'd', label: 'days' },
  { value: 'w', label: 'weeks' },
];

function DurationInput({ value, onChange, label }: Omit<ConditionValueInputProps, 'field' | 'op'>) {
  const match = typeof value === 'string' ? RELATIVE_DURATION.exec(value) : null;
  const amount = match ? Number(match[1]) : 30;
  const unit = match?.[2] ?? 'd';
  return (
    <Group gap={4} wrap="nowrap">
      <NumberInput
        aria-label={`${label}: amount`}
        size="xs"
        w={80}
        min={0}
        max={99999}
        allowDecimal={false}
        value={amount}
        onChange={(next) => onChange(`${typeof next === 'number' ? next : 0}${unit}`)}
      />
      <Select
        aria-label={`${label}: unit`}
        size="xs"
        w={96}
        data={UNITS}
        value={unit}
        allowDeselect={false}
        onChange={(next) => onChange(`${amount}${next ?? 'd'}`)}
      />
    </Group>
  );
}

function NumberValue({
  value,
  onChange,
  label,
}: {
  value: unknown;
  onChange(v: number | undefined): void;
  label: string;
}) {
  return (
    <NumberInput
      aria-label={label}
      size="xs"
      w={130}
      value={typeof value === 'number' ? value : ''}
      onChange={(next) => onChange(typeof next === 'number' ? next : undefined)}
    />
  );
}

function DateValue({ value, onChange, label }: { value: unknown; onChange(v: string): void; label: string }) {
  return (
    <TextInput
      aria-label={label}
      type="date"
      size="xs"
      w={150}
      value={typeof value === 'string' ? value.slice(0, 10) : ''}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

function ChoicesValue({
  value,
  onChange,
  label,
  data,
}: {
  value: unknown;
  onChange(v: string[]): void;
  label: string;
  data: { value: string; label: string }[];
}) {
  return (
    <MultiSelect
      aria-label={label}
      size="xs"
      miw={200}
      maw={360}
      data={data}
      value={Array.isArray(value) ? value.map(String) : []}
      onChange={onChange}
      searchable
      placeholder="Choose…"
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function TagsValue({
  value,
  onChange,
  label,
}: {
  value: unknown;
  onChange(v: string[]): void;
  label: string;
}) {
  const tags = useTags();
  return (
    <TagsInput
      aria-label={label}
      size="xs"
      miw={200}
      maw={360}
      data={(tags.data ?? []).map((tag) => tag.name)}
      value={Array.isArray(value) ? value.map(String) : []}
      onChange={onChange}
      placeholder="Type a tag"
    />
  );
}

function MembersValue({
  value,
  onChange,
  label,
}: {
  value: unknown;
  onChange(v: string[]): void;
  label: string;
}) {
  const members = useMembers();
  const data = (members.data ?? []).map((member) => ({ value: member.id, label: member.name }));
  return <ChoicesValue value={value} onChange={onChange} label={label} data={data} />;
}

/** How a choice reads: consent states and contact sources in words, custom choices as defined. */
function choiceLabel(field: FilterField, choice: string): string {
  if (field.kind === 'consent') return CONSENT_STATE_LABELS[choice] ?? choice;
  return field.id === 'source' ? sourceLabel(choice) : choice;
}

/** The value input of a condition, by the field's kind and the operator: text, number, date, duration, choices, tags, members, yes/no. */
export function ConditionValueInput({ field, op, value, onChange, label }: ConditionValueInputProps) {
  if (VALUELESS_OPS.has(op)) return null;
  if (op === 'within_last' || op === 'more_than_ago')
    return <DurationInput value={value} onChange={onChange} label={label} />;
  if (op === 'between') {
    const pair = Array.isArray(value) ? value : [];
    const Input = field.kind === 'number' ? NumberValue : DateValue;
    const set = (index: 0 | 1) => (next: string | number | undefined) => {
      const both = [pair[0] ?? '', pair[1] ?? ''];
      both[index] = next ?? '';
      onChange(both as FilterValue);
    };
    return (
      <Group gap={4} wrap="nowrap">
        <Input value={pair[0]} onChange={set(0)} label={`${label}: from`} />
        <span aria-hidden="true">and</span>
        <Input value={pair[1]} onChange={set(1)} label={`${label}: to`} />
      </Group>
    );
  }
  switch (field.kind) {
    case 'number':
      return <NumberValue value={value} onChange={onChange} label={label} />;
    case 'date':
    case 'datetime':
      return <DateValue value={value} onChange={onChange} label={label} />;
    case 'boolean':
      return (
        <SegmentedControl
          aria-label={label}
          size="xs"
          data={[
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No' },
          ]}
          value={value === false ? 'false' : 'true'}
          onChange={(next) => onChange(next === 'true')}
        />
      );
    case 'tags':
      return <TagsValue value={value} onChange={onChange} label={label} />;
    case 'user':
      return <MembersValue value={value} onChange={onChange} label={label} />;
    case 'select':
    case 'multi_select':
    case 'consent':
      return (
        <ChoicesValue
          value={value}
          onChange={onChange}
          label={label}
          data={(field.choices ?? []).map((choice) => ({
            value: choice,
            label: choiceLabel(field, choice),
          }))}
        />
      );
    default:
      return (
        <TextInput
          aria-label={label}
          size="xs"
          w={200}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}
