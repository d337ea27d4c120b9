import { SegmentedControl } from '@mantine/core';
import type { TimelineKind } from '../api/types';

/** A choice of the timeline filter: a label and the kinds it shows (all of them when empty). */
export interface TimelineFilterOption {
  value: string;
  label: string;
  kinds: TimelineKind[];
}

/** The filters offered above the timeline. */
export const TIMELINE_FILTERS: readonly TimelineFilterOption[] = [
  { value: 'all', label: 'All', kinds: [] },
  { value: 'messages', label: 'Messages', kinds: ['message'] },
  { value: 'notes', label: 'Notes', kinds: ['note'] },
  { value: 'changes', label: 'Changes', kinds: ['field'] },
  { value: 'tags', label: 'Tags', kinds: ['tag'] },
  { value: 'consent', label: 'Consent', kinds: ['consent'] },
];

/** The kinds a filter value shows (all when unknown). */
export function kindsOf(value: string): TimelineKind[] {
  return TIMELINE_FILTERS.find((option) => option.value === value)?.kinds ?? [];
}

/** Chooses what the timeline lists: everything, messages, notes, profile changes, tags or consent. */
export function TimelineFilter({ value, onChange }: { value: string; onChange(value: string): void }) {
  return (
    <SegmentedControl
      aria-label="Show on the timeline"
      size="xs"
      fullWidth
      data={TIMELINE_FILTERS.map(({ value: option, label }) => ({ value: option, label }))}
      value={value}
      onChange={onChange}
    />
  );
}
