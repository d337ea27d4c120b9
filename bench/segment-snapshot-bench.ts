import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { systemPrincipal } from '../src/server/auth/principal.js';
import { startRuntime, type Runtime } from '../src/server/runtime.js';
import { BULK_LOAD_CACHE_KIB, seedBulkContacts } from '../src/server/seed/bulk-contacts.js';
import { takeSegmentSnapshot } from '../src/server/segments/segment-snapshots.js';
import type { FilterNode } from '../src/shared/filter/filter-tree.js';
import type { SegmentSnapshot } from '../src/shared/segment-schemas.js';
import { writeCheckedResults, type TargetCheck } from './checked-results.js';

/**
 * Times segment snapshots on SQLite seeded with synthetic contacts (`--contacts N`): the first snapshot of a
 * segment holding ~80% of them (everyone enters), a snapshot with nothing changed, and one after `--moved`
 * contacts left and as many entered; with the peak JS heap, which must stay flat whatever the segment's size.
 * Baseline in the same run: reading every matching id with one bare better-sqlite3 query.
 */
const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '1000000' },
    moved: { type: 'string', default: '10000' },
  },
});
const contacts = Number(values.contacts.replaceAll('_', ''));
const moved = Number(values.moved.replaceAll('_', ''));
const dataDir = mkdtempSync(path.join(tmpdir(), 'rolo-segment-bench-'));
const FILTER: FilterNode = { field: 'lastContactAt', op: 'is_not_empty' };

/** The baseline: every id the segment's condition matches, in id order, with one bare query. */
function bareMatchingIds(workspaceId: string): { ms: number; ids: number } {
  const db = new BetterSqlite3(path.join(dataDir, 'rolo.db'), { readonly: true });
  const start = performance.now();
  let ids = 0;
  const query = db.prepare(
    'select id from contacts where workspace_id = ? and last_contact_at is not null order by id',
  );
  for (const _row of query.iterate(workspaceId)) ids++;
  const ms = performance.now() - start;
  db.close();
  return { ms, ids };
}

/** One snapshot, timed, with the peak JS heap seen after each page. */
async function timedSnapshot(runtime: Runtime, workspaceId: string, segmentId: string) {
  const { services } = runtime;
  let peakHeap = process.memoryUsage().heapUsed;
  const start = performance.now();
  const snapshot = await takeSegmentSnapshot(
    services.uow.repos,
    services.filters,
    workspaceId,
    segmentId,
    async () => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    },
  );
  const ms = performance.now() - start;
  if (!snapshot) throw new Error('the snapshot was not taken');
  return { snapshot, ms, peakHeapMb: peakHeap / 1e6 };
}

/** Moves `count` members out of the segment and `count` other contacts into it, with bare SQL. */
function moveContacts(workspaceId: string, count: number): void {
  const db = new BetterSqlite3(path.join(dataDir, 'rolo.db'));
  db.pragma('busy_timeout = 5000');
  const now = new Date().toISOString();
  db.prepare(
    `update contacts set last_contact_at = null where workspace_id = ? and id in
       (select id from contacts where workspace_id = ? and last_contact_at is not null order by id desc limit ?)`,
  ).run(workspaceId, workspaceId, count);
  db.prepare(
    `update contacts set last_contact_at = ? where workspace_id = ? and id in
       (select id from contacts where workspace_id = ? and last_contact_at is null order by id limit ?)`,
  ).run(now, workspaceId, workspaceId, count);
  db.close();
}

const describe = (label: string, run: { snapshot: SegmentSnapshot; ms: number; peakHeapMb: number }) =>
  `${label}: ${(run.ms / 1000).toFixed(1)} s — size ${run.snapshot.size.toLocaleString('en')}, ` +
  `entered ${run.snapshot.entered.toLocaleString('en')}, left ${run.snapshot.left.toLocaleString('en')}, ` +
  `peak JS heap ${run.peakHeapMb.toFixed(0)} MB`;

try {
  const seeding = await startRuntime({
    dataDir,
    databaseUrl: undefined,
    sqliteCacheKiB: BULK_LOAD_CACHE_KIB,
  });
  const workspace = await seeding.services.workspaces.createWorkspace('Segment bench', 'BR');
  const seedStart = performance.now();
  await seedBulkContacts(seeding.services, workspace.id, contacts);
  console.log(
    `seeded ${contacts.toLocaleString('en')} contacts in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  await seeding.close();

  const runtime = await startRuntime({ dataDir, databaseUrl: undefined });
  const baseline = bareMatchingIds(workspace.id);
  console.log(`baseline: ${baseline.ids.toLocaleString('en')} ids read in ${baseline.ms.toFixed(0)} ms`);
  const segment = await runtime.services.segments.createSegment(systemPrincipal(workspace.id), {
    name: 'Contacted',
    filter: FILTER,
  });
  const first = await timedSnapshot(runtime, workspace.id, segment.id);
  console.log(describe('first snapshot', first));
  const unchanged = await timedSnapshot(runtime, workspace.id, segment.id);
  console.log(describe('unchanged', unchanged));
  moveContacts(workspace.id, moved);
  const changed = await timedSnapshot(runtime, workspace.id, segment.id);
  console.log(describe(`after ${moved.toLocaleString('en')} left and entered`, changed));
  await runtime.close();

  const rows = baseline.ids;
  const enteredLast = changed.snapshot.entered - unchanged.snapshot.entered;
  const leftLast = changed.snapshot.left - unchanged.snapshot.left;
  const perMillion = (ms: number) => (ms / 1000) * (1_000_000 / Math.max(rows, 1));
  const checks: TargetCheck[] = [
    {
      metric: `first snapshot of a ${rows.toLocaleString('en')}-contact segment`,
      value: `${(first.ms / 1000).toFixed(1)} s`,
      target: '≤ 60 s per million members',
      met: perMillion(first.ms) <= 60,
    },
    {
      metric: 'daily snapshot, nothing changed',
      value: `${(unchanged.ms / 1000).toFixed(1)} s`,
      target: '≤ 60 s per million members',
      met: perMillion(unchanged.ms) <= 60,
    },
    {
      metric: `entered and left counted after moving ${moved.toLocaleString('en')} each way`,
      value: `entered ${enteredLast}, left ${leftLast} (size ${changed.snapshot.size})`,
      target: `${moved} and ${moved}, size unchanged`,
      met: enteredLast === moved && leftLast === moved && changed.snapshot.size === first.snapshot.size,
    },
    {
      metric: 'peak JS heap during a snapshot',
      value: `${Math.max(first.peakHeapMb, unchanged.peakHeapMb, changed.peakHeapMb).toFixed(0)} MB`,
      target: '≤ 200 MB (ids are never all in memory)',
      met: Math.max(first.peakHeapMb, unchanged.peakHeapMb, changed.peakHeapMb) <= 200,
    },
  ];
  const size = contacts >= 1_000_000 ? `${contacts / 1_000_000}m` : `${Math.round(contacts / 1000)}k`;
  const markdown = `# Segment snapshots on ${contacts.toLocaleString('en')} contacts (SQLite)

Run ${new Date().toISOString()} with \`npx tsx bench/segment-snapshot-bench.ts --contacts ${contacts} --moved ${moved}\`.
The segment is \`lastContactAt is not empty\` (${rows.toLocaleString('en')} contacts). Snapshots taken the way the
daily job takes them (\`takeSegmentSnapshot\`, 1,000 ids a page); all three fall on the same day, so the
day's \`entered\` and \`left\` add up across them.

| Metric | Value | Target | |
| --- | --- | --- | --- |
${checks.map((c) => `| ${c.metric} | ${c.value} | ${c.target} | ${c.met ? 'met' : '**missed**'} |`).join('\n')}

- ${describe('first snapshot (everyone enters)', first)}
- ${describe('second snapshot, nothing changed', unchanged)}
- ${describe(`third, after ${moved.toLocaleString('en')} members left and as many contacts entered`, changed)}

Baseline, same run: reading the ${rows.toLocaleString('en')} matching ids with one bare better-sqlite3 query took
${baseline.ms.toFixed(0)} ms. Load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')} (the machine was shared with other work).
`;
  writeCheckedResults(`segment-snapshot-sqlite-${size}`, { checks }, markdown);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
