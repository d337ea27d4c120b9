import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { runFirstStart } from '../server/first-run.js';
import { createJobHandlers } from '../server/jobs/job-handlers.js';
import { JobRunner } from '../server/jobs/job-runner.js';
import { schedulePurges } from '../server/maintenance.js';
import { startRuntime } from '../server/runtime.js';

/** Starts the server: migrates, sets up the first workspace on an empty database, runs jobs, listens, stops cleanly. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const runtime = await startRuntime({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { services } = runtime;
  const firstStart = await runFirstStart(services, { demoData: config.demoData });
  const app = await buildApp({ services, logLevel: config.logLevel });
  const runner = new JobRunner(services.uow.repos.jobs, createJobHandlers(services), { logger: app.log });
  services.jobs.notifyOnQueued(() => runner.wake());
  runner.start();
  const stopPurges = schedulePurges(services.uow, (error) =>
    app.log.error({ err: error }, 'purge of expired records failed'),
  );
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('127.0.0.1', 'localhost');
  console.log(`\nRolo is running at ${url}  (API reference: ${url}/api/docs)`);
  console.log(`Database: ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}`);
  if (firstStart) {
    console.log('\nFirst start: a workspace and its owner were created. Sign in with');
    console.log(`  email:    ${firstStart.email}`);
    console.log(`  password: ${firstStart.password}`);
    console.log('This password is shown only now; change it in Settings › Team.');
    if (firstStart.demoContacts)
      console.log(`Loaded ${firstStart.demoContacts} demo contacts (start with ROLO_DEMO=0 to skip them).`);
  }
  const stop = async () => {
    stopPurges();
    await app.close();
    await runner.stop();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
