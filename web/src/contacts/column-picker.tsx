import { Button, Checkbox, Divider, Group, Popover, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import type { ListColumn } from './contact-columns';
import classes from './contact-grid.module.css';

/** Props of the column picker. */
export interface ColumnPickerProps {
  /** Every column the list can show (Name first, always shown). */
  available: ListColumn[];
  /** The chosen column ids, in order. */
  chosen: string[];
  onChange(columns: string[]): void;
  onReset(): void;
}

/** A "Columns" popover with a checkbox per column, grouped, with a filter; new columns are added at the end. */
export function ColumnPicker({ available, chosen, onChange, onReset }: ColumnPickerProps) {
  const [filter, setFilter] = useState('');
  const headingId = useId();
  const wanted = filter.trim().toLowerCase();
  const listed = available.filter((c) => c.id !== 'name' && c.label.toLowerCase().includes(wanted));
  const groups = [...new Set(listed.map((c) => c.group))];
  const toggle = (id: string) =>
    onChange(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  const shown = chosen.filter((id) => available.some((c) => c.id === id)).length + 1;

  return (
    <Popover position="bottom-end" shadow="md" width={280} trapFocus onClose={() => setFilter('')}>
      <Popover.Target>
        <Button variant="default">Columns · {shown}</Button>
      </Popover.Target>
      <Popover.Dropdown aria-labelledby={headingId} p="sm">
        <Stack gap="xs">
          <Text id={headingId} fw={600} size="sm">
            Columns shown
          </Text>
          <TextInput
            size="xs"
            aria-label="Find a column"
            placeholder="Find a column"
            value={filter}
            onChange={(event) => setFilter(event.currentTarget.value)}
          />
          <ScrollArea.Autosize mah={340} type="auto" offsetScrollbars>
            <Stack gap={6}>
              <Checkbox size="xs" label="Name (always shown)" checked disabled />
              {groups.map((group) => (
                <Stack key={group} gap={6} role="group" aria-label={group}>
                  <Text size="xs" className={classes.muted} fw={600} tt="uppercase" mt={4}>
                    {group}
                  </Text>
                  {listed
                    .filter((c) => c.group === group)
                    .map((column) => (
                      <Checkbox
                        key={column.id}
                        size="xs"
                        label={column.label}
                        checked={chosen.includes(column.id)}
                        onChange={() => toggle(column.id)}
                      />
                    ))}
                </Stack>
              ))}
              {listed.length === 0 && (
                <Text size="xs" className={classes.muted}>
                  No column matches “{filter}”.
                </Text>
              )}
            </Stack>
          </ScrollArea.Autosize>
          <Divider />
          <Group justify="flex-end">
            <Button size="xs" variant="subtle" onClick={onReset}>
              Reset to default
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
