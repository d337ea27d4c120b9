import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { writeCheckedResults, type TargetCheck } from './checked-results.js';
import { startRoloServer } from './child-server.js';
import { createHttpClient } from './http-client.js';
import { timeSequentially, type LatencySummary } from './percentiles.js';
import { prepareWorkspace } from './prepare-workspace.js';

/**
 * The filter engine on a million contacts (SQLite): the count and the first page of a three-condition segment
 * (a custom number field, a tag, a relative date) through HTTP, against the same conditions written by hand and
 * run straight on the database file in the same run.
 */

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '1000000' },
    samples: { type: 'string', default: '20' },
    'data-dir': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const contacts = Number(values.contacts);
const samples = Number(values.samples);
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
const loadAverageAtStart = loadavg();

const TAG = 'VIP';
const LTV_AT_LEAST = 5000;
const TARGETS = { countMs: 200, firstPageMs: 50 };
const PAGE = 50;
const DAY_MS = 86_400_000;

const segment = {
  and: [
    { field: 'custom.lifetime_value', op: 'gte', value: LTV_AT_LEAST },
    { field: 'tags', op: 'has_any', value: [TAG] },
    { field: 'lastInboundAt', op: 'within_last', value: '30d' },
  ],
};

interface Prepared {
  workspaceId: string;
  apiKey: string;
  seedSeconds: number | null;
}

/** A seeded data directory: a fresh one, or one given with --data-dir that an earlier run kept. */
async function prepare(dataDir: string): Promise<Prepared> {
  const marker = path.join(dataDir, 'filter-bench.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as Prepared;
  const workspace = await prepareWorkspace({ dataDir }, contacts, log);
  const prepared = {
    workspaceId: workspace.workspaceId,
    apiKey: workspace.apiKey,
    seedSeconds: workspace.seed.seconds,
  };
  writeFileSync(marker, JSON.stringify(prepared));
  return prepared;
}

/** The segment written by hand in SQL, for the baseline: the same conditions, run straight on the file in this process. */
function handWritten(database: BetterSqlite3.Database, workspaceId: string) {
  const ids = database
    .prepare(
      `select (select id from custom_field_definitions where workspace_id = ? and key = 'lifetime_value') as field,
              (select id from tags where workspace_id = ? and name_key = lower(?)) as tag`,
    )
    .get(workspaceId, workspaceId, TAG) as { field: string; tag: string };
  const conditions = `c.workspace_id = ? and c.last_inbound_at >= ? and c.last_inbound_at <= ?
      and c.id in (select contact_id from contact_tags where workspace_id = ? and tag_id = ?)
      and exists (select 1 from contact_field_values v where v.workspace_id = c.workspace_id and v.contact_id = c.id
                  and v.field_id = ? and +v.number_value >= ?)`;
  const count = database.prepare(`select count(*) as n from contacts c where ${conditions}`);
  const page = database.prepare(
    `select c.* from contacts c where ${conditions} order by c.sort_name, c.id limit ?`,
  );
  const params = () => {
    const now = Date.now();
    return [
      workspaceId,
      new Date(now - 30 * DAY_MS).toISOString(),
      new Date(now).toISOString(),
      workspaceId,
      ids.tag,
      ids.field,
      LTV_AT_LEAST,
    ];
  };
  return {
    count: () => (count.get(...params()) as { n: number }).n,
    page: () => page.all(...params(), PAGE + 1),
    plans: {
      count: database
        .prepare(`explain query plan select count(*) from contacts c where ${conditions}`)
        .all(...params()),
      page: database
        .prepare(
          `explain query plan select c.* from contacts c where ${conditions} order by c.sort_name, c.id limit ?`,
        )
        .all(...params(), PAGE + 1),
    },
  };
}

const fmt = (s: LatencySummary) => `p50 ${s.p50} ms, p95 ${s.p95} ms, max ${s.max} ms`;

const dataDir = values['data-dir'] ?? mkdtempSync(path.join(tmpdir(), 'rolo-filter-bench-'));
try {
  const prepared = await prepare(dataDir);
  log(`workspace ready${prepared.seedSeconds ? ` (seeded in ${prepared.seedSeconds} s)` : ' (reused)'}`);

  const database = new BetterSqlite3(path.join(dataDir, 'rolo.db'), { readonly: true });
  const bare = handWritten(database, prepared.workspaceId);
  const expected = bare.count();
  log(`the segment holds ${expected.toLocaleString('en')} contacts (hand-written count)`);
  const baseline = {
    count: await timeSequentially(samples, () => void bare.count(), 3),
    firstPage: await timeSequentially(samples, () => void bare.page(), 3),
  };
  database.close();
  log(`baseline count ${fmt(baseline.count)}; first page ${fmt(baseline.firstPage)}`);

  const server = await startRoloServer({ ROLO_DATA_DIR: dataDir });
  const client = createHttpClient(server.baseUrl, prepared.apiKey);
  const filter = encodeURIComponent(JSON.stringify(segment));
  let api: { count: LatencySummary; firstPage: LatencySummary; search: LatencySummary };
  let counted: number;
  let firstPageRows: number;
  try {
    counted = (
      JSON.parse(await client.send('GET', `/api/v1/contacts/count?filter=${filter}`)) as { total: number }
    ).total;
    firstPageRows = (
      JSON.parse(await client.send('GET', `/api/v1/contacts?limit=${PAGE}&filter=${filter}`)) as {
        data: unknown[];
      }
    ).data.length;
    api = {
      count: await timeSequentially(
        samples,
        async () => void (await client.send('GET', `/api/v1/contacts/count?filter=${filter}`)),
        3,
      ),
      firstPage: await timeSequentially(
        samples,
        async () => void (await client.send('GET', `/api/v1/contacts?limit=${PAGE}&filter=${filter}`)),
        3,
      ),
      search: await timeSequentially(
        samples,
        async () =>
          void (await client.send('POST', '/api/v1/contacts/search', { filter: segment, limit: PAGE })),
        3,
      ),
    };
  } finally {
    client.close();
    await server.stop();
  }
  if (counted !== expected) throw new Error(`the API counted ${counted}, the hand-written query ${expected}`);
  log(`API count ${fmt(api.count)}; first page ${fmt(api.firstPage)}; POST search ${fmt(api.search)}`);

  const checks: TargetCheck[] = [
    {
      metric: 'segment count p95 (HTTP)',
      value: `${api.count.p95} ms`,
      target: `≤ ${TARGETS.countMs} ms`,
      met: api.count.p95 <= TARGETS.countMs,
    },
    {
      metric: 'segment first page p95 (HTTP)',
      value: `${api.firstPage.p95} ms`,
      target: `≤ ${TARGETS.firstPageMs} ms`,
      met: api.firstPage.p95 <= TARGETS.firstPageMs,
    },
  ];
  const results = {
    startedAt: new Date(started).toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', loadAverageAtStart },
    options: { contacts, samples, db: 'sqlite' },
    segment,
    matching: expected,
    firstPageRows,
    seedSeconds: prepared.seedSeconds,
    baseline,
    api,
    plans: bare.plans,
    checks,
  };
  const row = (name: string, s: LatencySummary) => `| ${name} | ${s.p50} | ${s.p95} | ${s.max} |`;
  const markdown = `# Filter engine: a three-condition segment on ${contacts.toLocaleString('en')} contacts (SQLite)

Run ${results.startedAt} on ${cpus().length} × ${results.machine.model} (load average at start ${loadAverageAtStart
    .map((l) => l.toFixed(2))
    .join(', ')}); \`npm run bench:filter\`.

Segment: \`${JSON.stringify(segment)}\` — ${expected.toLocaleString('en')} contacts match. ${samples} timed runs of each
after 3 warm-up runs, one request at a time over one keep-alive connection.

| measure (ms) | p50 | p95 | max |
| --- | --- | --- | --- |
${row('count, GET /contacts/count?filter= (HTTP)', api.count)}
${row('first page of 50, GET /contacts?filter= (HTTP)', api.firstPage)}
${row('first page of 50, POST /contacts/search (HTTP)', api.search)}
${row('baseline: count written by hand, better-sqlite3 in process', baseline.count)}
${row('baseline: first page written by hand, better-sqlite3 in process', baseline.firstPage)}

## Targets

| metric | measured | target | met |
| --- | --- | --- | --- |
${checks.map((c) => `| ${c.metric} | ${c.value} | ${c.target} | ${c.met ? 'yes' : 'no'} |`).join('\n')}

The server compiles the filter to the same plan as the baseline below: a range of \`contacts_last_inbound_idx\`
(migration 0006) for the relative date, the tag's contacts as an IN list with a Bloom filter, and the custom value
checked by primary key for the few candidates left. The first page is that scan plus reading and sorting the
matching rows, so it cannot be much faster than the count; both run without ANALYZE statistics, as a new
database does. The HTTP cost over the bare query is authentication, reading the field definitions and tags,
and the JSON of 50 contacts with their tags and custom values.

## Plans of the hand-written baseline

\`\`\`
count: ${bare.plans.count.map((p) => JSON.stringify(p)).join('\n       ')}
page:  ${bare.plans.page.map((p) => JSON.stringify(p)).join('\n       ')}
\`\`\`
`;
  writeCheckedResults(
    `filter-sqlite-${contacts % 1_000_000 === 0 ? `${contacts / 1_000_000}m` : contacts}`,
    results,
    markdown,
  );
} finally {
  if (!values.keep && !values['data-dir']) rmSync(dataDir, { recursive: true, force: true });
  else log(`data kept in ${dataDir}`);
}
