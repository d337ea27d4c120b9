import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A PostgreSQL schema made for one test run. */
export interface TestSchema {
  name: string;
  /** The database URL with this schema as the search path of every connection. */
  url: string;
  drop(): Promise<void>;
}

async function execute(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates an empty schema with a random name in the database at `baseUrl`. */
export async function createTestSchema(baseUrl: string): Promise<TestSchema> {
  const name = `rolo_test_${randomBytes(6).toString('hex')}`;
  await execute(baseUrl, `create schema ${name}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { name, url: url.toString(), drop: () => execute(baseUrl, `drop schema ${name} cascade`) };
}
