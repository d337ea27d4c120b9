import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { runFirstStart, type FirstRunResult } from '../server/first-run.js';
import { createJobHandlers } from '../server/jobs/job-handlers.js';
import { JobRunner } from '../server/jobs/job-runner.js';
import { schedulePurges } from '../server/maintenance.js';
import { startRuntime } from '../server/runtime.js';

function printWelcome(url: string, database: string, firstStart: FirstRunResult | null): void {
  console.log(`\nRolo is running at ${url}  (API reference: ${url}/api/docs)`);
  console.log(`Database: ${database}`);
  if (!firstStart) return;
  console.log('\nFirst start: a workspace and its owner were created. Sign in with');
  console.log(`  email:    ${firstStart.email}`);
  console.log(`  password: ${firstStart.password}`);
  console.log('This password is shown only now: keep it, or change it (docs/team-and-api-keys.md).');
  if (firstStart.demoContacts)
    console.log(`Loaded ${firstStart.demoContacts} demo contacts (start with ROLO_DEMO=0 to skip them).`);
}

/** Starts the server: migrates, sets up the first workspace on an empty database, runs jobs, listens, stops cleanly. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const runtime = await startRuntime({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const cleanups: Array<() => unknown> = [() => runtime.close()];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  const { services } = runtime;
  const firstStart = await runFirstStart(services, { demoData: config.demoData });
  const app = await buildApp({ services, logLevel: config.logLevel, trustProxy: config.trustProxy });
  cleanups.push(() => app.close());
  const runner = new JobRunner(services.uow.repos.jobs, createJobHandlers(services), { logger: app.log });
  services.jobs.notifyOnQueued(() => runner.wake());
  runner.start();
  cleanups.push(() => runner.stop());
  cleanups.push(
    schedulePurges(services.uow, (error) => app.log.error({ err: error }, 'purge of expired records failed')),
  );
  const address = await app.listen({ port: config.port, host: config.host });
  printWelcome(
    address.replace('127.0.0.1', 'localhost'),
    config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`,
    firstStart,
  );
}
