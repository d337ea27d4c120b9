import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { runFirstStart } from '../server/first-run.js';
import { startRuntime } from '../server/runtime.js';

/** Starts the server: migrates, sets up the first workspace on an empty database, listens, stops cleanly. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const runtime = await startRuntime(config);
  const firstStart = await runFirstStart(runtime.services, { demoData: config.demoData });
  const app = await buildApp({ services: runtime.services, logLevel: config.logLevel });
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
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
