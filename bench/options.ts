import { parseArgs } from 'node:util';

/** Which database the benchmark runs against. */
export type BenchDialect = 'sqlite' | 'postgres';

/** What `npm run bench` was asked to do. */
export interface BenchOptions {
  contacts: number;
  db: BenchDialect;
  /** Seconds of each autocannon run. */
  duration: number;
  /** Sequential requests timed per latency metric. */
  samples: number;
  /** PostgreSQL server to create the fresh schema in. */
  postgresUrl: string;
  /** Keep the temp data directory or schema afterwards. */
  keep: boolean;
  /** Serving processes (`ROLO_WORKERS`) of the server under test. */
  workers: number;
}

const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

const positive = (name: string, raw: string): number => {
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
};

/** Parses `--contacts N --db sqlite|postgres --duration S --samples N --workers N --keep`. */
export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      contacts: { type: 'string', default: '1000000' },
      db: { type: 'string', default: 'sqlite' },
      duration: { type: 'string', default: '20' },
      samples: { type: 'string', default: '1000' },
      keep: { type: 'boolean', default: false },
      workers: { type: 'string', default: '1' },
    },
    strict: true,
  });
  if (values.db !== 'sqlite' && values.db !== 'postgres') throw new Error('--db must be sqlite or postgres');
  return {
    contacts: positive('contacts', values.contacts),
    db: values.db,
    duration: positive('duration', values.duration),
    samples: positive('samples', values.samples),
    postgresUrl: process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL,
    keep: values.keep,
    workers: positive('workers', values.workers),
  };
}
