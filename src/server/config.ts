import path from 'node:path';
import { z } from 'zod';
import { whatsappEnvironmentOf, type WhatsAppEnvironment } from './whatsapp/whatsapp-environment.js';

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  ROLO_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  ROLO_DEMO: z.enum(['0', '1']).default('1'),
  ROLO_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  ROLO_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  ROLO_WA_EMULATOR: z.enum(['0', '1']).default('0'),
  ROLO_SECRET_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  ROLO_INBOX_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  ROLO_JOB_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Settings read from the environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demoData: boolean;
  /** Behind a reverse proxy: take the client address and protocol from X-Forwarded-* headers. */
  trustProxy: boolean;
  /** Serving processes sharing the port (1: a single process). */
  workers: number;
  logLevel: string;
  /** Run the local WhatsApp Cloud API emulator with the server and connect the first workspace to it. */
  waEmulator: boolean;
  /** Key for stored credentials; a generated one in the data directory when unset. */
  secretKey: string | undefined;
  /** How long a webhook notification stays claimed by the processor that took it before another may retry it. */
  inboxLeaseMs: number;
  /** How long a background job stays claimed by the worker that took it before another may take it over. */
  jobLeaseMs: number;
  /** WHATSAPP_* settings: the first workspace's channel and fallback secrets. */
  whatsapp: WhatsAppEnvironment;
}

/** Reads and validates the environment; a bad value stops the process with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.ROLO_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demoData: e.ROLO_DEMO === '1',
    trustProxy: e.ROLO_TRUST_PROXY === '1',
    workers: e.ROLO_WORKERS,
    logLevel: e.LOG_LEVEL,
    waEmulator: e.ROLO_WA_EMULATOR === '1',
    secretKey: e.ROLO_SECRET_KEY,
    inboxLeaseMs: e.ROLO_INBOX_LEASE_MS,
    jobLeaseMs: e.ROLO_JOB_LEASE_MS,
    whatsapp: whatsappEnvironmentOf(env),
  };
}
