import type { BenchResults } from './bench-results.js';
import type { LatencySummary } from './percentiles.js';
import type { Throughput } from './throughput.js';

const latencyRow = (name: string, s: LatencySummary) =>
  `| ${name} | ${s.p50.toFixed(2)} | ${s.p95.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.max.toFixed(2)} | ${s.n} |`;

const throughputRow = (name: string, t: Throughput) => {
  const statuses = Object.entries(t.statusCodes)
    .map(([status, count]) => `${status}: ${count.toLocaleString('en')}`)
    .join(', ');
  return `| ${name} | ${t.requestsPerSecond.toLocaleString('en')} | ${t.total.toLocaleString('en')} | ${t.errors} | ${t.timeouts} | ${t.non2xx} | ${statuses} | ${t.latencyMs.p50} / ${t.latencyMs.p99} / ${t.latencyMs.max} |`;
};

/** The run as a readable summary: targets first, then the detail behind them. */
export function renderMarkdown(results: BenchResults): string {
  const { options, machine, api, baseline, mixed, rss, seed } = results;
  const count = options.contacts.toLocaleString('en');
  const mixName = Object.entries(mixed.mix)
    .map(([kind, share]) => `${Math.round(share * 100)}% ${kind}`)
    .join(', ');
  const lines = [
    `# Rolo benchmark: ${count} contacts on ${options.db === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
    '',
    `Run ${results.startedAt} on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}` +
      ` (load average at start ${machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(', ')}).`,
    `Command: \`npm run bench -- --contacts ${options.contacts} --db ${options.db} --duration ${options.duration}${options.workers > 1 ? ` --workers ${options.workers}` : ''}\`.` +
      ' The server runs as a child process (`rolo serve`); every API number is measured over HTTP on loopback.',
    '',
    '| metric | value | target | baseline (same run) | met? |',
    '| --- | --- | --- | --- | --- |',
    ...results.checks.map(
      (c) => `| ${c.metric} | ${c.value} | ${c.target} | ${c.baseline} | ${c.met ? 'yes' : 'no'} |`,
    ),
    '',
    'Targets are stated for a million contacts on SQLite on a 2-core machine.',
    '',
    `## Latency, one request at a time (ms, ${options.samples} samples each after warm-up)`,
    '',
    '| request | p50 | p95 | p99 | max | n |',
    '| --- | --- | --- | --- | --- | --- |',
    latencyRow('GET /api/v1/contacts?sort=name&limit=50 (first page)', api.listFirst),
    latencyRow('same, with a cursor ~90% deep', api.listDeep),
    latencyRow('GET /api/v1/contacts/:id (random ids)', api.get),
    latencyRow('PATCH /api/v1/contacts/:id (random ids, no version)', api.patch),
    latencyRow('baseline: bare query, first page + tags', baseline.barePages.first),
    latencyRow('baseline: bare query, deep page + tags', baseline.barePages.deep),
    '',
    `## Throughput (autocannon, ${options.connections} connections, ${options.duration} s)`,
    '',
    '| load | requests/s | total | errors | timeouts | non-2xx | statuses | latency p50 / p99 / max (ms) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    throughputRow(`mixed: ${mixName}`, mixed),
    throughputRow('baseline: bare Fastify JSON route', baseline.bareFastify),
    '',
    'List pages in the mix are half first pages and half pages at random cursors spread over the whole list;',
    'GET and PATCH pick random contacts; each PATCH changes the job title (one event row per change).',
    '',
    `Server RSS: ${rss.maxUnderLoadMB.toFixed(1)} MB max under the mixed load, ${rss.maxMB.toFixed(1)} MB max over the whole run.`,
    `Seed: ${seed.contacts.toLocaleString('en')} contacts in ${seed.seconds.toFixed(1)} s (${seed.perSecond.toLocaleString('en')}/s), through \`seedBulkContacts\`, the code behind \`rolo seed --contacts N\`.`,
    '',
  ];
  return lines.join('\n');
}
