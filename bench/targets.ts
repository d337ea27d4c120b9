import type { BenchResults, Check } from './bench-results.js';

/** The numbers to reach (issue #2), stated for a million contacts on SQLite through HTTP. */
export const TARGETS = {
  seedSecondsPerMillion: 60,
  listP95Ms: 15,
  getP95Ms: 5,
  patchP95Ms: 10,
  mixedRequestsPerSecond: 3000,
  rssMB: 300,
} as const;

const ms = (value: number) => `${value.toFixed(2)} ms`;
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en')}/s`;

/** Holds each measured number against its target. */
export function evaluateTargets(results: Omit<BenchResults, 'checks'>): Check[] {
  const { seed, api, mixed, rss, baseline } = results;
  const secondsPerMillion = (seed.seconds * 1_000_000) / seed.contacts;
  const failures = mixed.errors + mixed.timeouts + mixed.non2xx;
  return [
    {
      metric: `seed ${seed.contacts.toLocaleString('en')} contacts`,
      value: `${seed.seconds.toFixed(1)} s (${perSecond(seed.perSecond)})`,
      target: `≤ ${TARGETS.seedSecondsPerMillion} s per million`,
      baseline: '—',
      met: secondsPerMillion <= TARGETS.seedSecondsPerMillion,
    },
    {
      metric: 'list first page (50, tags, by name) p95',
      value: ms(api.listFirst.p95),
      target: `≤ ${TARGETS.listP95Ms} ms`,
      baseline: `${ms(baseline.barePages.first.p95)} bare query`,
      met: api.listFirst.p95 <= TARGETS.listP95Ms,
    },
    {
      metric: 'list deep cursor page (~90%) p95',
      value: ms(api.listDeep.p95),
      target: `≤ ${TARGETS.listP95Ms} ms`,
      baseline: `${ms(baseline.barePages.deep.p95)} bare query`,
      met: api.listDeep.p95 <= TARGETS.listP95Ms,
    },
    {
      metric: 'GET one contact p95',
      value: ms(api.get.p95),
      target: `≤ ${TARGETS.getP95Ms} ms`,
      baseline: '—',
      met: api.get.p95 <= TARGETS.getP95Ms,
    },
    {
      metric: 'PATCH one contact p95',
      value: ms(api.patch.p95),
      target: `≤ ${TARGETS.patchP95Ms} ms`,
      baseline: '—',
      met: api.patch.p95 <= TARGETS.patchP95Ms,
    },
    {
      metric: `mixed load, ${results.options.connections} connections`,
      value: perSecond(mixed.requestsPerSecond),
      target: `≥ ${perSecond(TARGETS.mixedRequestsPerSecond)}`,
      baseline: `${perSecond(baseline.bareFastify.requestsPerSecond)} bare Fastify route`,
      met: mixed.requestsPerSecond >= TARGETS.mixedRequestsPerSecond,
    },
    {
      metric: 'mixed load errors, timeouts, non-2xx',
      value: `${mixed.errors}, ${mixed.timeouts}, ${mixed.non2xx}`,
      target: '0',
      baseline: `${baseline.bareFastify.errors + baseline.bareFastify.non2xx} bare Fastify route`,
      met: failures === 0,
    },
    {
      metric: 'server RSS under mixed load (max)',
      value: `${rss.maxUnderLoadMB.toFixed(1)} MB`,
      target: `≤ ${TARGETS.rssMB} MB`,
      baseline: '—',
      met: rss.maxUnderLoadMB <= TARGETS.rssMB,
    },
  ];
}
