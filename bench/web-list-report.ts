import { summarize, type LatencySummary } from './percentiles.js';
import type { RouteBundle } from './web-bundle-size.js';
import type { JumpSample } from './web-list-probes.js';

/** What one browser benchmark run of the contact list measured. */
export interface WebListResults {
  startedAt: string;
  options: { contacts: number; db: string; loads: number; jumps: number; viewport: string };
  seed: { contacts: number; seconds: number; perSecond: number };
  bundle: RouteBundle;
  firstRowsMs: LatencySummary;
  firstLoadWaterfall: string[];
  apiFirstPageBaselineMs: LatencySummary;
  sideRequests: { name: string; ms: number }[];
  pageFetchMs: LatencySummary;
  blankAfterJumpMs: LatencySummary;
  pagesPerJump: LatencySummary;
  maxRowsInDom: number;
  jumps: JumpSample[];
}

/** One frame at 60 Hz: the slack allowed between a fetch landing and its rows being painted. */
const FRAME_MS = 17;

/** Jumps whose viewport stayed blank longer than their slowest single page fetch (plus one frame). */
export function jumpsBlankLongerThanOneFetch(jumps: JumpSample[]): JumpSample[] {
  return jumps.filter((jump) => jump.blankMs > Math.max(0, ...jump.fetchMs) + FRAME_MS);
}

/** Per jump, how long the view stayed blank after its slowest page fetch had landed: parsing, rendering, painting. */
export function blankBeyondFetch(jumps: JumpSample[]): number[] {
  return jumps
    .filter((jump) => jump.fetchMs.length > 0)
    .map((jump) => Math.max(0, Math.round(jump.blankMs - Math.max(...jump.fetchMs))));
}

const mark = (met: boolean) => (met ? 'met' : '**missed**');

/** The readable summary: each number of the issue beside its target and the same-run API baseline. */
export function renderWebListMarkdown(results: WebListResults): string {
  const { options, bundle, firstRowsMs, pageFetchMs, blankAfterJumpMs, apiFirstPageBaselineMs } = results;
  const slowBlanks = jumpsBlankLongerThanOneFetch(results.jumps);
  const beyond = summarize(blankBeyondFetch(results.jumps));
  const rows = [
    [
      'First rows after navigation (max of loads)',
      `${firstRowsMs.max} ms (p50 ${firstRowsMs.p50})`,
      '≤ 1,000 ms',
      mark(firstRowsMs.max <= 1000),
    ],
    [
      'Page fetch while jumping (p95)',
      `${pageFetchMs.p95} ms (p50 ${pageFetchMs.p50}, max ${pageFetchMs.max})`,
      '≤ 100 ms',
      mark(pageFetchMs.p95 <= 100),
    ],
    [
      'Jumps blank longer than one page fetch',
      `${slowBlanks.length} of ${results.jumps.length}`,
      '0',
      mark(slowBlanks.length === 0),
    ],
    [
      'Blank time after a jump',
      `p50 ${blankAfterJumpMs.p50} ms, p95 ${blankAfterJumpMs.p95}, max ${blankAfterJumpMs.max}`,
      'one page fetch',
      '',
    ],
    [
      'Blank time beyond the slowest fetch (parse, render, paint)',
      `p50 ${beyond.p50} ms, p95 ${beyond.p95}, max ${beyond.max}`,
      `≤ ${FRAME_MS} ms`,
      '',
    ],
    [
      'List route JavaScript (gzip)',
      `${bundle.gzipKB} KB (${bundle.rawKB} KB raw, ${bundle.files.length} files)`,
      '≤ 300 KB',
      mark(bundle.gzipKB <= 300),
    ],
    ['Rows in the DOM (max)', String(results.maxRowsInDom), 'never all', mark(results.maxRowsInDom < 200)],
  ];
  const table = rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  const side = results.sideRequests.map((s) => `\`${s.name}\` ${s.ms} ms`).join(', ');
  return `# Contact list in the browser: ${options.contacts.toLocaleString('en')} contacts on ${options.db}

Run ${results.startedAt} with \`npm run bench:web -- --contacts ${options.contacts} --db ${options.db}\`:
headless Chromium (${options.viewport}), ${options.loads} cold loads of \`/contacts\`, then ${options.jumps}
drags of the scrollbar to fixed and spread depths. ${
    results.seed.seconds > 0
      ? `Seeded in ${results.seed.seconds} s.`
      : 'On a data directory seeded by an earlier run (`--keep`, then `--data-dir`).'
  }

| Metric | Value | Target | |
| --- | --- | --- | --- |
${table}

Baseline, same run: the API alone answers the first page of 100 in p50 ${apiFirstPageBaselineMs.p50} ms
(p95 ${apiFirstPageBaselineMs.p95}); the browser's page fetches above include rendering work competing
for the same two cores. Side requests after the first page: ${side}.

The first load, request by request (ms after navigation started):

\`\`\`
${results.firstLoadWaterfall.join('\n')}
\`\`\`

Every jump: depth, blank ms, page fetch ms.

${results.jumps.map((j) => `- ${j.depth.toFixed(3)}: blank ${j.blankMs} ms, fetches [${j.fetchMs.join(', ')}]`).join('\n')}
`;
}
