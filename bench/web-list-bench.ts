import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildWeb } from '../scripts/build-web.js';
import { launchBrowser } from '../test/support/chromium.js';
import { createBenchTarget } from './bench-target.js';
import { REPO_ROOT, startRoloServer } from './child-server.js';
import { summarize } from './percentiles.js';
import { BENCH_OWNER, prepareWorkspace } from './prepare-workspace.js';
import { measureRouteBundle } from './web-bundle-size.js';
import { renderWebListMarkdown, type WebListResults } from './web-list-report.js';
import {
  firstRowsAfterNavigation,
  installListProbes,
  requestWaterfall,
  jumpTo,
  sideRequests,
  type JumpSample,
} from './web-list-probes.js';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '1000000' },
    db: { type: 'string', default: 'sqlite' },
    loads: { type: 'string', default: '5' },
    jumps: { type: 'string', default: '30' },
    keep: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
  },
});
const contacts = Number(values.contacts);
const db = values.db === 'postgres' ? 'postgres' : 'sqlite';
const loads = Number(values.loads);
const jumps = Number(values.jumps);
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);

/** Depths a user drags the scrollbar to: fixed landmarks, then a deterministic spread. */
function depthsToVisit(count: number): number[] {
  const fixed = [0.5, 0.999, 0.25, 0.75, 0.1, 1, 0.9, 0.01];
  const spread = Array.from(
    { length: Math.max(0, count - fixed.length) },
    (_, i) => ((i * 0.6180339887) % 1) * 0.98 + 0.01,
  );
  return [...fixed, ...spread].slice(0, count);
}

log('building the web app');
await buildWeb();
const bundle = measureRouteBundle('src/contacts/contact-list-page.tsx');
log(
  `list route JavaScript: ${bundle.gzipKB} KB gzipped (${bundle.rawKB} KB raw, ${bundle.files.length} files)`,
);

const reused = values['data-dir'];
const target = reused
  ? { serverEnv: { ROLO_DATA_DIR: reused }, config: { dataDir: reused }, dispose: async () => undefined }
  : await createBenchTarget({
      contacts,
      db,
      duration: 0,
      samples: 0,
      postgresUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      keep: values.keep ?? false,
      workers: 1,
    });
try {
  let seed = { contacts, seconds: 0, perSecond: 0 };
  if (!reused) {
    log(`seeding ${contacts.toLocaleString('en')} contacts (${db})`);
    seed = (await prepareWorkspace(target.config, contacts, log)).seed;
  }
  const server = await startRoloServer(target.serverEnv);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 1440, height: 900 },
    });
    const signIn = await context.request.post('/api/v1/auth/login', { data: BENCH_OWNER });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);

    const apiBaseline: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const t0 = performance.now();
      const response = await context.request.get('/api/v1/contacts?sort=name&limit=100');
      if (!response.ok()) throw new Error(`list API failed: ${response.status()}`);
      apiBaseline.push(performance.now() - t0);
    }

    const coldLoads: number[] = [];
    let waterfall: string[] = [];
    for (let i = 0; i < loads; i += 1) {
      const page = await context.newPage();
      await installListProbes(page);
      await page.goto('/contacts', { waitUntil: 'commit' });
      coldLoads.push(await firstRowsAfterNavigation(page));
      if (i === 0) waterfall = await requestWaterfall(page);
      await page.waitForLoadState('networkidle');
      await page.close();
    }
    log(
      `first rows after navigation: ${coldLoads.join(', ')} ms; the first load:\n  ${waterfall.join('\n  ')}`,
    );

    const page = await context.newPage();
    await installListProbes(page);
    await page.goto('/contacts');
    await firstRowsAfterNavigation(page);
    await page
      .waitForResponse((response) => response.url().includes('/contacts/anchors'), { timeout: 60_000 })
      .catch(() => null);
    await page.waitForTimeout(300);
    const side = await sideRequests(page);
    log(`side requests: ${side.map((s) => `${s.name} ${s.ms} ms`).join(', ')}`);
    const samples: JumpSample[] = [];
    for (const depth of depthsToVisit(jumps)) samples.push(await jumpTo(page, depth));
    const fetches = samples.flatMap((s) => s.fetchMs);
    const blanks = samples.map((s) => s.blankMs);
    const maxRowsInDom = Math.max(...samples.map((s) => s.rowsInDom));
    await page
      .screenshot({ path: path.join(REPO_ROOT, 'bench', 'results', 'tmp', 'web-list.png') })
      .catch(() => undefined);
    log(
      `page fetches: ${JSON.stringify(summarize(fetches))}; blank after jump: ${JSON.stringify(summarize(blanks))}`,
    );

    const results: WebListResults = {
      startedAt: new Date(started).toISOString(),
      options: { contacts, db, loads, jumps, viewport: '1440x900' },
      seed,
      bundle,
      firstRowsMs: summarize(coldLoads),
      firstLoadWaterfall: waterfall,
      apiFirstPageBaselineMs: summarize(apiBaseline),
      sideRequests: side,
      pageFetchMs: summarize(fetches),
      blankAfterJumpMs: summarize(blanks),
      pagesPerJump: summarize(samples.map((s) => s.fetchMs.length)),
      maxRowsInDom,
      jumps: samples,
    };
    const directory = path.join(REPO_ROOT, 'bench', 'results');
    mkdirSync(directory, { recursive: true });
    const name = `web-list-${db}-${contacts >= 1_000_000 ? `${contacts / 1_000_000}m` : `${contacts / 1000}k`}`;
    writeFileSync(path.join(directory, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(path.join(directory, `${name}.md`), renderWebListMarkdown(results));
    log(`results in bench/results/${name}.md`);
  } finally {
    await browser.close();
    await server.stop();
  }
} finally {
  if (!values.keep) await target.dispose();
}
