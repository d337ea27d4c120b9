import cluster from 'node:cluster';
import { buildApp } from '../server/app.js';
import { loadConfig, type Config } from '../server/config.js';
import { connectEnvironmentChannel, runFirstStart, type FirstRunResult } from '../server/first-run.js';
import { createJobHandlers } from '../server/jobs/job-handlers.js';
import { JobRunner } from '../server/jobs/job-runner.js';
import { schedulePurges } from '../server/maintenance.js';
import { startRuntime } from '../server/runtime.js';
import { scheduleSmartTagRuns } from '../server/smart-tags/smart-tag-schedule.js';
import { InboxProcessor } from '../server/whatsapp/inbox-processor.js';
import { startServerEmulator } from './serve-emulator.js';

function printWelcome(config: Config, address: string, firstStart: FirstRunResult | null): void {
  const url = address.replace('127.0.0.1', 'localhost');
  const workers = config.workers > 1 ? `, ${config.workers} worker processes` : '';
  console.log(`\nRolo is running at ${url}  (API reference: ${url}/api/docs)`);
  console.log(`Database: ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}${workers}`);
  if (!firstStart) return;
  console.log('\nFirst start: a workspace and its owner were created. Sign in with');
  console.log(`  email:    ${firstStart.email}`);
  console.log(`  password: ${firstStart.password}`);
  console.log('This password is shown only now: keep it, or change it (docs/team-and-api-keys.md).');
  if (firstStart.demoContacts)
    console.log(`Loaded ${firstStart.demoContacts} demo contacts (start with ROLO_DEMO=0 to skip them).`);
}

/** Runs `cleanups` in reverse order on SIGINT or SIGTERM, then exits. */
function stopOnSignal(cleanups: Array<() => unknown>): void {
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** One serving process: the API, the job runner and the purges; sets up the first start unless told it is done. */
async function serveProcess(
  config: Config,
  setUp: boolean,
): Promise<{ address: string; firstStart: FirstRunResult | null }> {
  const runtime = await startRuntime(config);
  const cleanups: Array<() => unknown> = [() => runtime.close()];
  stopOnSignal(cleanups);
  const { services } = runtime;
  const firstStart = setUp ? await runFirstStart(services, { demoData: config.demoData }) : null;
  if (setUp) await connectEnvironmentChannel(services);
  const app = await buildApp({ services, logLevel: config.logLevel, trustProxy: config.trustProxy });
  cleanups.push(() => app.close());
  const runner = new JobRunner(services.uow.repos.jobs, createJobHandlers(services), {
    logger: app.log,
    leaseMs: config.jobLeaseMs,
  });
  services.jobs.notifyOnQueued(() => runner.wake());
  runner.start();
  cleanups.push(() => runner.stop());
  const inbox = new InboxProcessor(services.uow, (id) => services.channels.resolveByPhoneNumberId(id), {
    logger: app.log,
    leaseMs: config.inboxLeaseMs,
  });
  cleanups.push(services.whatsappWebhook.onReceived(() => inbox.wake()));
  inbox.start();
  cleanups.push(() => inbox.stop());
  cleanups.push(
    schedulePurges(services, (error) => app.log.error({ err: error }, 'purge of expired records failed')),
  );
  services.uow.contactChanges.reportErrorsTo((error) =>
    app.log.error({ err: error }, 'reacting to a contact change failed'),
  );
  if (cluster.isPrimary || cluster.worker?.id === 1)
    cleanups.push(
      scheduleSmartTagRuns(services.smartTags, (error) =>
        app.log.error({ err: error }, 'queueing the smart tag evaluations failed'),
      ),
    );
  const address = await app.listen({ port: config.port, host: config.host });
  if (config.waEmulator) {
    const emulator = await startServerEmulator(services, address);
    cleanups.push(() => emulator.stop());
    console.log(
      `WhatsApp emulator at ${emulator.url}: play customers in Settings → WhatsApp, or with rolo wa-simulate`,
    );
  }
  return { address, firstStart };
}

/** The primary of a multi-process server: migrates and sets up once, then keeps `workers` processes serving one port. */
async function servePrimary(config: Config): Promise<void> {
  const runtime = await startRuntime(config);
  const firstStart = await runFirstStart(runtime.services, { demoData: config.demoData })
    .then(async (result) => {
      await connectEnvironmentChannel(runtime.services);
      return result;
    })
    .finally(() => runtime.close());
  let stopping = false;
  let welcomed = false;
  cluster.on('listening', (_worker, address) => {
    if (welcomed) return;
    welcomed = true;
    printWelcome(config, `http://${address.address ?? config.host}:${address.port}`, firstStart);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`rolo: worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    let running = workers.length;
    if (running === 0) process.exit(0);
    for (const worker of workers) {
      worker?.once('exit', () => --running === 0 && process.exit(0));
      worker?.process.kill('SIGTERM');
    }
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  for (let i = 0; i < config.workers; i++) cluster.fork();
}

/**
 * Starts the server: migrates, sets up the first workspace on an empty database, runs jobs, listens, stops
 * cleanly. With ROLO_WORKERS above 1, that many processes share the port (Node's cluster).
 */
export async function serve(options: { waEmulator?: boolean } = {}): Promise<void> {
  const config = { ...loadConfig(), ...(options.waEmulator ? { waEmulator: true } : {}) };
  if (config.waEmulator && config.workers > 1)
    throw new Error('--wa-emulator runs with a single serving process: unset ROLO_WORKERS');
  if (config.workers > 1 && cluster.isPrimary) return servePrimary(config);
  const { address, firstStart } = await serveProcess(config, cluster.isPrimary);
  if (cluster.isPrimary) printWelcome(config, address, firstStart);
}
