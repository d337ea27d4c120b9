import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import type { ExportFormat } from '../src/shared/export-schemas.js';
import { startRuntime } from '../src/server/runtime.js';
import { BULK_LOAD_CACHE_KIB, seedBulkContacts } from '../src/server/seed/bulk-contacts.js';
import { writeCheckedResults, type TargetCheck } from './checked-results.js';

/**
 * Times exports of every contact with the default columns, the way the export job writes them (to a file), on
 * SQLite seeded with synthetic contacts (`--contacts N`) or on a data directory seeded before (`--data-dir`),
 * beside a bare loop that reads the contacts table and writes its columns joined by commas.
 */
const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    formats: { type: 'string', default: 'csv,xlsx' },
    'data-dir': { type: 'string' },
  },
});
const runs = Number(values.runs);
const formats = values.formats.split(',') as ExportFormat[];
const reused = values['data-dir'];
const dataDir = reused ?? mkdtempSync(path.join(tmpdir(), 'rolo-export-bench-'));

/** The baseline: every row of the contacts table, its columns joined by commas, written to a file. */
async function bareDump(file: string): Promise<number> {
  const start = performance.now();
  const db = new BetterSqlite3(path.join(dataDir, 'rolo.db'), { readonly: true });
  const out = createWriteStream(file);
  let chunk = '';
  for (const row of db.prepare('select * from contacts').iterate() as Iterable<Record<string, unknown>>) {
    chunk += `${Object.values(row).join(',')}\r\n`;
    if (chunk.length > 1 << 16) {
      const flushed = out.write(chunk);
      chunk = '';
      if (!flushed) await once(out, 'drain');
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  db.close();
  return performance.now() - start;
}

try {
  if (!reused) {
    const seeding = await startRuntime({
      dataDir,
      databaseUrl: undefined,
      sqliteCacheKiB: BULK_LOAD_CACHE_KIB,
    });
    const workspace = await seeding.services.workspaces.createWorkspace('Export bench', 'BR');
    const seedStart = performance.now();
    await seedBulkContacts(seeding.services, workspace.id, Number(values.contacts.replaceAll('_', '')));
    console.log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    await seeding.close();
  }
  const runtime = await startRuntime({ dataDir, databaseUrl: undefined });
  const workspace = await runtime.services.workspaces.findDefaultWorkspace();
  if (!workspace) throw new Error('no workspace in the data directory');
  const baselineMs = await bareDump(path.join(dataDir, 'bare.csv'));
  console.log(`baseline (bare table dump): ${baselineMs.toFixed(0)} ms`);
  const lines: string[] = [];
  const checks: TargetCheck[] = [];
  let rows = 0;
  for (const format of formats) {
    const times: number[] = [];
    let peakHeap = 0;
    const file = path.join(dataDir, `export.${format}`);
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      rows = await runtime.services.exports.writeExport(
        workspace.id,
        { selection: { all: true }, format, bom: false },
        createWriteStream(file),
        () => void (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)),
      );
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const best = times[0] ?? 0;
    const median = times[Math.floor(times.length / 2)] ?? 0;
    const line =
      `${format}: ${rows.toLocaleString('en')} rows, best ${(best / 1000).toFixed(1)} s ` +
      `(${Math.round(rows / (best / 1000)).toLocaleString('en')} rows/s), median ${(median / 1000).toFixed(1)} s ` +
      `over ${runs} runs, ${(statSync(file).size / 1e6).toFixed(0)} MB, peak JS heap ${(peakHeap / 1e6).toFixed(0)} MB`;
    console.log(line);
    lines.push(`- ${line}`);
    if (format === 'csv')
      checks.push({
        metric: `CSV export of ${rows.toLocaleString('en')} contacts (median)`,
        value: `${(median / 1000).toFixed(1)} s`,
        target:
          rows >= 1_000_000 ? '≤ 15 s' : `≤ ${((15 * rows) / 1_000_000).toFixed(1)} s (15 s per million)`,
        met: median / 1000 <= (15 * Math.max(rows, 1)) / 1_000_000,
      });
  }
  await runtime.close();
  const size = rows >= 1_000_000 ? `${rows / 1_000_000}m` : `${Math.round(rows / 1000)}k`;
  const markdown = `# Export of ${rows.toLocaleString('en')} contacts on SQLite

Run ${new Date().toISOString()} with \`npm run bench:export -- ${reused ? '--data-dir DIR' : `--contacts ${rows}`} --runs ${runs}\`,
default columns, written to a file as the export job does.

| Metric | Value | Target | |
| --- | --- | --- | --- |
${checks.map((c) => `| ${c.metric} | ${c.value} | ${c.target} | ${c.met ? 'met' : '**missed**'} |`).join('\n')}

${lines.join('\n')}

Baseline, same run: reading the contacts table and writing its columns joined by commas took
${(baselineMs / 1000).toFixed(1)} s. Load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}.
`;
  writeCheckedResults(`export-sqlite-${size}`, { checks }, markdown);
} finally {
  if (!reused) rmSync(dataDir, { recursive: true, force: true });
  else
    for (const name of ['bare.csv', 'export.csv', 'export.xlsx'])
      rmSync(path.join(dataDir, name), { force: true });
}
