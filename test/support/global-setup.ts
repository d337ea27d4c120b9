import pg from 'pg';
import { buildWeb } from '../../scripts/build-web.js';

/** Builds the web app when its sources changed, and fails the whole run at once when PostgreSQL was asked for but does not answer. */
export default async function prepareTestRun(): Promise<void> {
  await buildWeb();
  await checkPostgres();
}

async function checkPostgres(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.warn('TEST_DATABASE_URL is not set: database tests run on SQLite only');
    return;
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL is set but PostgreSQL does not answer: ${String(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
