import { cpus, loadavg, totalmem } from 'node:os';
import { measureApiLatency } from './api-latency.js';
import { openBareDatabase } from './bare-database.js';
import { measureBareFastify } from './bare-fastify-baseline.js';
import { measureBarePages } from './bare-page-baseline.js';
import type { BenchResults } from './bench-results.js';
import { sampleContacts } from './bench-sample.js';
import { createBenchTarget } from './bench-target.js';
import { startRoloServer } from './child-server.js';
import { createHttpClient } from './http-client.js';
import { measureMixedLoad, MIX } from './mixed-load.js';
import { parseOptions } from './options.js';
import { prepareWorkspace } from './prepare-workspace.js';
import { sampleRss } from './rss-sampler.js';
import { evaluateTargets } from './targets.js';
import { writeResults } from './write-results.js';

const CONNECTIONS = 32;
const SAMPLE_IDS = 5000;

const options = parseOptions(process.argv.slice(2));
const settings = { connections: CONNECTIONS, duration: options.duration };
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
const startedAt = new Date(started).toISOString();
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown CPU',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.versions.node,
  loadAverageAtStart: loadavg(),
};

const target = await createBenchTarget(options);
try {
  log(`seeding ${options.contacts.toLocaleString('en')} contacts into a fresh ${options.db} database`);
  const workspace = await prepareWorkspace(target.config, options.contacts, log);
  log(`seeded in ${workspace.seed.seconds} s (${workspace.seed.perSecond.toLocaleString('en')}/s)`);

  const bare = await openBareDatabase(target.config);
  const sample = await sampleContacts(bare, workspace.workspaceId, options.contacts, SAMPLE_IDS).finally(
    () => {
      log('sampled ids and cursors');
    },
  );
  const barePages = await measureBarePages(bare, workspace.workspaceId, sample.deepKeyset, options.samples);
  await bare.close();
  log(
    `bare query baseline: first page p95 ${barePages.first.p95} ms, deep page p95 ${barePages.deep.p95} ms`,
  );

  const server = await startRoloServer({ ...target.serverEnv, ROLO_WORKERS: String(options.workers) });
  const rss = sampleRss(server.pid);
  let api;
  let mixed;
  let rssBeforeLoad;
  let rssUnderLoad;
  try {
    log(`server pid ${server.pid} at ${server.baseUrl}; timing single requests`);
    const client = createHttpClient(server.baseUrl, workspace.apiKey);
    api = await measureApiLatency(client, sample, options.samples).finally(() => client.close());
    log(
      `p95: list ${api.listFirst.p95} ms, deep ${api.listDeep.p95} ms, GET ${api.get.p95} ms, PATCH ${api.patch.p95} ms`,
    );
    rssBeforeLoad = rss.maxMB();
    rss.reset();
    log(`mixed load: ${CONNECTIONS} connections for ${options.duration} s`);
    mixed = await measureMixedLoad(server.baseUrl, workspace.apiKey, sample, settings);
    rssUnderLoad = rss.maxMB();
    log(
      `mixed: ${mixed.requestsPerSecond}/s, ${mixed.errors} errors, ${mixed.non2xx} non-2xx; RSS ${rssUnderLoad} MB`,
    );
  } finally {
    rss.stop();
    await server.stop();
  }

  log('bare Fastify baseline');
  const bareFastify = await measureBareFastify(settings);
  log(`bare Fastify: ${bareFastify.requestsPerSecond}/s`);

  const measured: Omit<BenchResults, 'checks'> = {
    startedAt,
    machine,
    options: {
      contacts: options.contacts,
      db: options.db,
      duration: options.duration,
      samples: options.samples,
      workers: options.workers,
      connections: CONNECTIONS,
    },
    seed: workspace.seed,
    api,
    mixed: { ...mixed, mix: { ...MIX } },
    rss: { maxUnderLoadMB: rssUnderLoad, maxMB: Math.max(rssBeforeLoad, rssUnderLoad) },
    baseline: { barePages, bareFastify },
  };
  const results: BenchResults = { ...measured, checks: evaluateTargets(measured) };
  const written = writeResults(results);
  console.log('');
  for (const check of results.checks)
    console.log(`${check.met ? 'met ' : 'MISS'}  ${check.metric}: ${check.value} (target ${check.target})`);
  log(`results in bench/results/latest.md and ${written}`);
} finally {
  if (options.keep) console.log(`kept the benchmark database: ${JSON.stringify(target.config)}`);
  else await target.dispose();
}
