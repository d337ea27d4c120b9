import { Button, Checkbox, Fieldset, Group, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ExportColumnGroup } from './export-columns';

/** Props of the column checklist. */
export interface ExportColumnChecklistProps {
  groups: ExportColumnGroup[];
  chosen: ReadonlySet<string>;
  onChange(chosen: Set<string>): void;
}

/** A checkbox per column, grouped, with "All" and "None"; the file keeps the checklist's order. */
export function ExportColumnChecklist({ groups, chosen, onChange }: ExportColumnChecklistProps) {
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  const all = groups.flatMap((group) => group.columns.map((column) => column.id));
  return (
    <Fieldset legend={`Columns (${chosen.size.toLocaleString()} of ${all.length.toLocaleString()})`} p="sm">
      <Stack gap="xs">
        <Group gap="xs">
          <Button size="compact-xs" variant="subtle" onClick={() => onChange(new Set(all))}>
            Tick all
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => onChange(new Set())}>
            Untick all
          </Button>
        </Group>
        <ScrollArea.Autosize mah={280} type="auto" offsetScrollbars>
          <Stack gap="sm">
            {groups.map((group) => (
              <Stack key={group.group} gap={6} role="group" aria-label={group.group}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  {group.group}
                </Text>
                <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing={6} verticalSpacing={6}>
                  {group.columns.map((column) => (
                    <Checkbox
                      key={column.id}
                      size="xs"
                      label={column.label}
                      checked={chosen.has(column.id)}
                      onChange={() => toggle(column.id)}
                    />
                  ))}
                </SimpleGrid>
              </Stack>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Stack>
    </Fieldset>
  );
}
