import { TagsInput } from '@mantine/core';
import { useTags } from '../api/workspace-queries';

/** Props of the tag picker. */
export interface TagPickerProps {
  label: string;
  /** Tag names chosen. */
  value: string[];
  onChange(names: string[]): void;
  placeholder?: string;
  autoFocus?: boolean;
  description?: string;
}

/** Type to search the workspace's tags or create one (Enter); × removes a chosen tag. */
export function TagPicker({ label, value, onChange, placeholder, autoFocus, description }: TagPickerProps) {
  const tags = useTags();
  const known = tags.data ?? [];
  const toKnownName = (name: string) =>
    known.find((tag) => tag.name.toLowerCase() === name.trim().toLowerCase())?.name ?? name.trim();
  return (
    <TagsInput
      label={label}
      description={description}
      placeholder={placeholder ?? 'Type to search or create'}
      data={known.map((tag) => tag.name)}
      value={value}
      onChange={(names) => onChange([...new Set(names.map(toKnownName).filter(Boolean))])}
      autoFocus={autoFocus}
      clearable
      maxTags={100}
      limit={20}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
