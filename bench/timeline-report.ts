import type { LatencySummary } from './percentiles.js';

/** The p95 a timeline page must stay under, through HTTP, on SQLite. */
export const TIMELINE_P95_TARGET_MS = 20;

/** One run of the timeline benchmark. */
export interface TimelineResults {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; loadAverageAtStart: number[] };
  options: { messages: number; notes: number; events: number; samples: number; limit: number; db: 'sqlite' };
  history: { conversations: number; seconds: number };
  /** What the first page held, by kind: whether messages are merged into the timeline. */
  firstPageKinds: Record<string, number>;
  /** Pages walked from the first by following nextCursor, and whether they chained without gaps or repeats. */
  walk: { pages: number; items: number; consistent: boolean };
  latencyMs: {
    firstPage: LatencySummary;
    deepPage: LatencySummary;
    messagesOnlyDeepPage: LatencySummary;
    healthz: LatencySummary;
    getContact: LatencySummary;
  };
  checks: Array<{ metric: string; value: string; target: string; met: boolean }>;
}

/** Holds the page latencies against the target. */
export function evaluateTimelineTargets(results: Omit<TimelineResults, 'checks'>): TimelineResults['checks'] {
  const { latencyMs, firstPageKinds, walk } = results;
  const page = (metric: string, s: LatencySummary) => ({
    metric,
    value: `${s.p95.toFixed(2)} ms (p50 ${s.p50.toFixed(2)}, p99 ${s.p99.toFixed(2)})`,
    target: `≤ ${TIMELINE_P95_TARGET_MS} ms`,
    met: s.p95 <= TIMELINE_P95_TARGET_MS,
  });
  return [
    page('first page of 30, p95', latencyMs.firstPage),
    page('page of 30 at a deep cursor, p95', latencyMs.deepPage),
    page('messages-only page at a deep cursor, p95', latencyMs.messagesOnlyDeepPage),
    {
      metric: 'messages merged into the timeline',
      value: `${firstPageKinds.message ?? 0} of the first page's items are messages`,
      target: '> 0',
      met: (firstPageKinds.message ?? 0) > 0,
    },
    {
      metric: 'pages chained by nextCursor without gaps or repeats',
      value: `${walk.pages} pages, ${walk.items} items`,
      target: 'consistent',
      met: walk.consistent,
    },
  ];
}

const row = (name: string, s: LatencySummary) =>
  `| ${name} | ${s.p50.toFixed(2)} | ${s.p95.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.max.toFixed(2)} | ${s.n} |`;

/** The run as a readable summary: targets first, then every latency beside its baselines. */
export function renderTimelineMarkdown(results: TimelineResults): string {
  const { options, machine, latencyMs, history } = results;
  return `# Contact timeline with ${options.messages.toLocaleString('en')} messages on SQLite

Run ${results.startedAt} on ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node} (load average at start
${machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(', ')}), with \`npm run bench:timeline -- --samples ${options.samples}\`.

One contact with ${options.messages.toLocaleString('en')} WhatsApp messages in ${history.conversations} conversations
over 400 days, ${options.notes} notes and ${options.events} recorded changes, written in one transaction in
${history.seconds} s. \`rolo serve\` runs as a child process; each request is timed alone over one keep-alive
connection, ${options.samples} samples after warm-up: \`GET /api/v1/contacts/:id/timeline?limit=${options.limit}\`
for the first page, and with cursors spread from 10% to 99% down the history.

| metric | value | target | met? |
| --- | --- | --- | --- |
${results.checks.map((c) => `| ${c.metric} | ${c.value} | ${c.target} | ${c.met ? 'yes' : '**no**'} |`).join('\n')}

| request (ms) | p50 | p95 | p99 | max | n |
| --- | --- | --- | --- | --- | --- |
${row('timeline, first page', latencyMs.firstPage)}
${row('timeline, deep cursor', latencyMs.deepPage)}
${row('timeline, kinds=message, deep cursor', latencyMs.messagesOnlyDeepPage)}
${row('baseline: GET /healthz', latencyMs.healthz)}
${row('baseline: GET /api/v1/contacts/:id (one indexed row)', latencyMs.getContact)}

The first page held ${Object.entries(results.firstPageKinds)
    .map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`)
    .join(', ')}.
`;
}
