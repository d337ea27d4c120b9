import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { parse } from 'csv-parse';
import { systemPrincipal } from '../src/server/auth/principal.js';
import { createJobHandlers } from '../src/server/jobs/job-handlers.js';
import { JobRunner } from '../src/server/jobs/job-runner.js';
import { startRuntime, type Runtime } from '../src/server/runtime.js';
import type { Import } from '../src/shared/import-schemas.js';
import { writeCheckedResults, type TargetCheck } from './checked-results.js';
import { sampleRss } from './rss-sampler.js';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    'default-country': { type: 'string', default: 'US' },
    name: { type: 'string' },
  },
});
if (!values.file)
  throw new Error(
    'give the file to import: --file PATH (e.g. node ../shared/tools/gen-contacts.mjs --count 1000000 --seed 7 > contacts.csv)',
  );
const file = path.resolve(values.file);
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);

/** The baseline: the same file parsed with csv-parse and inserted as-is into one indexless SQLite table. */
async function bareParseAndInsert(dir: string): Promise<{ rows: number; seconds: number }> {
  const t0 = Date.now();
  const db = new BetterSqlite3(path.join(dir, 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.exec('create table rows (n integer, cells text)');
  const insert = db.prepare('insert into rows values (?, ?)');
  const flush = db.transaction((batch: string[][]) =>
    batch.forEach((cells, i) => insert.run(i, JSON.stringify(cells))),
  );
  let batch: string[][] = [];
  let rows = 0;
  for await (const record of createReadStream(file).pipe(parse({ relax_column_count: true, bom: true }))) {
    batch.push(record as string[]);
    rows++;
    if (batch.length === 1000) {
      flush(batch);
      batch = [];
    }
  }
  flush(batch);
  db.close();
  return { rows: rows - 1, seconds: (Date.now() - t0) / 1000 };
}

/** Imports the file through the import service and its job, as the wizard would; returns the import and seconds. */
async function importOnce(
  runtime: Runtime,
  workspaceId: string,
): Promise<{ result: Import; seconds: number }> {
  const t0 = Date.now();
  const principal = systemPrincipal(workspaceId);
  const { imports } = runtime.services;
  const uploaded = await imports.upload(principal, path.basename(file), createReadStream(file));
  await imports.start(principal, uploaded.import.id, {
    mapping: uploaded.proposedMapping,
    options: {
      defaultCountry: values['default-country'],
      tags: [],
      policy: 'fill',
      keepRowsWithInvalidPhone: false,
    },
  });
  const runner = new JobRunner(runtime.services.uow.repos.jobs, createJobHandlers(runtime.services));
  const timer = setInterval(() => {
    void imports
      .getImport(workspaceId, uploaded.import.id)
      .then((current) => log(`  ${current.progress.done} rows`));
  }, 10_000);
  try {
    while (await runner.runOnce());
  } finally {
    clearInterval(timer);
  }
  return {
    result: await imports.getImport(workspaceId, uploaded.import.id),
    seconds: (Date.now() - t0) / 1000,
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'rolo-import-bench-'));
const rss = sampleRss(process.pid);
try {
  log(`baseline: parse and insert ${file} (${(statSync(file).size / 1e6).toFixed(0)} MB)`);
  const bare = await bareParseAndInsert(dir);
  log(`baseline: ${bare.rows} rows in ${bare.seconds.toFixed(1)} s`);
  const runtime = await startRuntime({ dataDir: dir, databaseUrl: undefined });
  try {
    const workspace = await runtime.services.workspaces.createWorkspace(
      'Import bench',
      values['default-country'] ?? 'US',
    );
    rss.reset();
    log('import into an empty workspace');
    const first = await importOnce(runtime, workspace.id);
    const firstRss = rss.maxMB();
    log(
      `first import: ${first.seconds.toFixed(1)} s, ${JSON.stringify(first.result.counts)}, peak RSS ${firstRss} MB`,
    );
    rss.reset();
    log('the same file again (every row matches: update path)');
    const second = await importOnce(runtime, workspace.id);
    const secondRss = rss.maxMB();
    log(
      `second import: ${second.seconds.toFixed(1)} s, ${JSON.stringify(second.result.counts)}, peak RSS ${secondRss} MB`,
    );

    const rows = first.result.progress.done;
    const perMillion = (seconds: number) => (seconds * Math.max(rows, 1)) / 1_000_000;
    const target = (seconds: number) =>
      rows >= 1_000_000
        ? `≤ ${seconds} s`
        : `≤ ${perMillion(seconds).toFixed(1)} s (${seconds} s per million rows)`;
    const checks: TargetCheck[] = [
      {
        metric: 'First import',
        value: `${first.seconds.toFixed(1)} s`,
        target: target(30),
        met: first.seconds <= perMillion(30),
      },
      {
        metric: 'Same file again',
        value: `${second.seconds.toFixed(1)} s`,
        target: target(60),
        met: second.seconds <= perMillion(60),
      },
      {
        metric: 'Peak RSS',
        value: `${Math.max(firstRss, secondRss)} MB`,
        target: '≤ 500 MB',
        met: Math.max(firstRss, secondRss) <= 500,
      },
    ];
    const counts = (r: Import) =>
      `${r.counts.created} created, ${r.counts.updated} updated, ${r.counts.skipped} skipped, ${r.counts.failed} failed`;
    const markdown = `# Import of ${rows.toLocaleString('en')} rows on SQLite

Run ${new Date(started).toISOString()} with \`npm run bench:import -- --file ${path.basename(file)}\`
(${(statSync(file).size / 1e6).toFixed(0)} MB), proposed mapping, policy "fill", default country ${values['default-country']}.

| Metric | Value | Target | |
| --- | --- | --- | --- |
${checks.map((c) => `| ${c.metric} | ${c.value} | ${c.target} | ${c.met ? 'met' : '**missed**'} |`).join('\n')}
| Rows per second (first import) | ${Math.round(rows / first.seconds).toLocaleString('en')} | | |

Baseline, same run: csv-parse and a bare SQLite insert of the same ${bare.rows.toLocaleString('en')} rows
took ${bare.seconds.toFixed(1)} s (${Math.round(bare.rows / bare.seconds).toLocaleString('en')} rows/s).

First import: ${counts(first.result)}. Same file again: ${counts(second.result)}.
`;
    writeCheckedResults(
      values.name ?? `import-sqlite-${rows >= 1e6 ? `${rows / 1e6}m` : `${Math.round(rows / 1000)}k`}`,
      { checks, bare, first: first.result, second: second.result } as { checks: TargetCheck[] },
      markdown,
    );
  } finally {
    await runtime.close();
  }
} finally {
  rss.stop();
  rmSync(dir, { recursive: true, force: true });
}
