import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ImportCounts as Counts } from '../../../src/shared/import-schemas';

/** Props of the counts tiles. */
export interface ImportCountsProps {
  counts: Counts;
  /** True before the run: "Would create". */
  dryRun?: boolean;
  /** Names the list for screen readers. */
  label: string;
}

const TILES: Array<{ key: keyof Counts; done: string; would: string; color?: string }> = [
  { key: 'created', done: 'Created', would: 'Would create', color: 'teal.9' },
  { key: 'updated', done: 'Updated', would: 'Would update', color: 'blue.9' },
  { key: 'skipped', done: 'Skipped', would: 'Would skip' },
  { key: 'failed', done: 'Failed', would: 'Invalid', color: 'red.9' },
];

/** Four tiles: contacts created, updated, rows skipped and failed (or what a dry run expects). */
export function ImportCounts({ counts, dryRun = false, label }: ImportCountsProps) {
  return (
    <div role="group" aria-label={label}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
        {TILES.map((tile) => (
          <Paper key={tile.key} withBorder p="sm">
            <Text component="dt" size="sm" c="dimmed">
              {dryRun ? tile.would : tile.done}
            </Text>
            <Text component="dd" m={0} fz={26} fw={700} c={counts[tile.key] > 0 ? tile.color : undefined}>
              {counts[tile.key].toLocaleString()}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </div>
  );
}
