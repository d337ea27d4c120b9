import type { TargetCheck } from './checked-results.js';
import type { LatencySummary } from './percentiles.js';
import type { QueryKind } from './search-queries.js';

/** The p95 quick find must stay under, through HTTP, on a million contacts in SQLite. */
export const QUICK_SEARCH_P95_TARGET_MS = 20;

/** Latencies of one kind of query: through HTTP, and the bare queries measured beside it. */
export interface KindLatency {
  kind: QueryKind;
  examples: string[];
  /** GET /api/v1/contacts/quick-search, one request at a time over a keep-alive connection. */
  http: LatencySummary;
  /** The bare FTS query (first 10 matches, unranked) with better-sqlite3 in the bench process. */
  bareFts: LatencySummary;
  /** The trap: every match of the FTS query ranked and sorted, then the first 10 (fewer samples). */
  rankAllMatches: LatencySummary;
  /** Hits returned per request, on average. */
  meanHits: number;
}

/** One run of the quick-find benchmark. */
export interface SearchBenchResults {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; loadAverageAtStart: number[] };
  options: { contacts: number; rounds: number; limit: number; db: 'sqlite' };
  seed: { contacts: number; seconds: number; perSecond: number } | null;
  /** Every timed request of the mix together. */
  overall: { http: LatencySummary; bareFts: LatencySummary };
  kinds: KindLatency[];
  checks: TargetCheck[];
}

const within = (metric: string, s: LatencySummary): TargetCheck => ({
  metric,
  value: `${s.p95.toFixed(2)} ms (p50 ${s.p50.toFixed(2)}, p99 ${s.p99.toFixed(2)})`,
  target: `≤ ${QUICK_SEARCH_P95_TARGET_MS} ms`,
  met: s.p95 <= QUICK_SEARCH_P95_TARGET_MS,
});

/** Holds the mix and each kind of query against the p95 target. */
export function evaluateSearchTargets(results: Omit<SearchBenchResults, 'checks'>): TargetCheck[] {
  return [
    within('quick find through HTTP, whole mix, p95', results.overall.http),
    ...results.kinds.map((k) => within(`quick find, ${k.kind}, p95`, k.http)),
  ];
}

const row = (name: string, s: LatencySummary) =>
  `| ${name} | ${s.p50.toFixed(2)} | ${s.p95.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.max.toFixed(2)} | ${s.n} |`;

/** The run as a readable summary: targets, then each kind beside its bare baselines. */
export function renderSearchMarkdown(results: SearchBenchResults): string {
  const { options, machine, seed } = results;
  const kinds = results.kinds
    .map((k) =>
      [
        `### ${k.kind}`,
        '',
        `Examples: ${k.examples.map((e) => `\`${e}\``).join(', ')}; ${k.meanHits.toFixed(1)} hits per request on average.`,
        '',
        '| path | p50 ms | p95 ms | p99 ms | max ms | n |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        row('quick find through HTTP', k.http),
        row('baseline: bare FTS query, first 10 unranked', k.bareFts),
        row('the trap: rank every match, then 10', k.rankAllMatches),
      ].join('\n'),
    )
    .join('\n\n');
  return `# Quick find on ${options.contacts.toLocaleString('en')} contacts (SQLite)

Run at ${results.startedAt} on ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}; load average at
start ${machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(', ')}.
${seed ? `Seeded in ${seed.seconds} s (${seed.perSecond.toLocaleString('en')} contacts/s, the search index built at the end of the load as \`rolo seed\` does).` : 'Reused an already seeded data directory.'}

\`npm run bench:search\` — ${options.rounds} rounds, each sending one query of every kind to
\`GET /api/v1/contacts/quick-search?limit=${options.limit}\` one at a time over a keep-alive connection, from the
bench process to \`rolo serve\` in its own process. The baselines run in the bench process with better-sqlite3
on the same file, before the server starts: the bare FTS query (the first ${options.limit} contacts whose search
text contains the text, unranked, the cheapest thing an index can answer), and the trap the issue names
(every match of the FTS query ranked exact > prefix > substring and sorted, then the first ${options.limit}).

## Targets

| metric | value | target | met |
| --- | --- | --- | --- |
${results.checks.map((c) => `| ${c.metric} | ${c.value} | ${c.target} | ${c.met ? 'yes' : 'NO'} |`).join('\n')}

## Whole mix

| path | p50 ms | p95 ms | p99 ms | max ms | n |
| --- | ---: | ---: | ---: | ---: | ---: |
${row('quick find through HTTP', results.overall.http)}
${row('baseline: bare FTS query', results.overall.bareFts)}

## By kind of query

${kinds}
`;
}
