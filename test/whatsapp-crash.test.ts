import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { killed, startServer } from './support/serve-child.js';
import { openDatabase, type Db } from '../src/server/db/database.js';
import { describeEachDialect } from './support/test-database.js';
import { createTestSchema, type TestSchema } from './support/test-schema.js';
import {
  signedHeaders,
  TEST_APP_SECRET,
  TEST_PHONE_NUMBER_ID,
  textNotification,
} from './support/whatsapp-notifications.js';

/** Distinct messages in the stream, from this many customers, and how many notifications are redelivered. */
const MESSAGES = 300;
const SENDERS = 25;
const REDELIVERIES = 20;
/** Answers received before the server is killed. */
const KILL_AFTER = 120;
const CONCURRENCY = 8;
const LEASE_MS = 1500;

/** One notification of the stream: its body and the message it carries. */
interface Notification {
  body: string;
  messageId: string;
}

/** The stream WhatsApp sends: texts from a few customers in time order, some delivered twice. */
function notificationStream(): Notification[] {
  const start = Date.now() - 2 * 86_400_000;
  const stream: Notification[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const messageId = `wamid.crash-${i}`;
    const from = `141555501${String(i % SENDERS).padStart(2, '0')}`;
    const at = new Date(start + i * 60_000);
    stream.push({ messageId, body: textNotification({ from, id: messageId, text: `message ${i}`, at }) });
    if (i % Math.floor(MESSAGES / REDELIVERIES) === 7) stream.push(stream[Math.floor(stream.length / 2)]!);
  }
  return stream;
}

/** POSTs a signed notification; resolves with the status, or null when the connection failed. */
function post(agent: Agent, baseUrl: string, body: string): Promise<number | null> {
  const url = new URL('/webhooks/whatsapp', baseUrl);
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: signedHeaders(body),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? null));
        res.on('error', () => resolve(null));
      },
    );
    req.on('error', () => resolve(null));
    req.end(body);
  });
}

/**
 * Sends notifications with a few senders in parallel, calling `onAnswer` with the count of 200 answers so far, until
 * all are sent or one fails (the server is gone); returns which were answered 200, which failed, and which were
 * never sent.
 */
async function send(
  baseUrl: string,
  stream: Notification[],
  onAnswer: (acknowledged: number) => void = () => undefined,
): Promise<{ acknowledged: Notification[]; failed: Notification[]; unsent: Notification[] }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const acknowledged: Notification[] = [];
  const failed: Notification[] = [];
  let next = 0;
  let stopped = false;
  const sender = async () => {
    while (!stopped && next < stream.length) {
      const notification = stream[next++]!;
      const status = await post(agent, baseUrl, notification.body);
      if (status === 200) {
        acknowledged.push(notification);
        onAnswer(acknowledged.length);
      } else {
        failed.push(notification);
        stopped = true;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, sender));
  agent.destroy();
  return { acknowledged, failed, unsent: stream.slice(next) };
}

describeEachDialect('WhatsApp webhook across a crash of the server', (dialect) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rolo-crash-'));
  let schema: TestSchema | undefined;
  let env: Record<string, string>;
  let db: Db | undefined;

  beforeAll(async () => {
    env = {
      ROLO_DATA_DIR: dataDir,
      PORT: '0',
      ROLO_DEMO: '0',
      LOG_LEVEL: 'warn',
      ROLO_INBOX_LEASE_MS: String(LEASE_MS),
      WHATSAPP_APP_SECRET: TEST_APP_SECRET,
      WHATSAPP_PHONE_NUMBER_ID: TEST_PHONE_NUMBER_ID,
      WHATSAPP_DISPLAY_NUMBER: '+1 555 078 3881',
    };
    if (dialect === 'postgres') {
      schema = await createTestSchema(process.env.TEST_DATABASE_URL ?? '');
      env.DATABASE_URL = schema.url;
    }
  });
  afterAll(async () => {
    await db?.kysely.destroy();
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const openDb = () =>
    openDatabase({
      dataDir,
      databaseUrl: schema ? process.env.TEST_DATABASE_URL : undefined,
      postgresSchema: schema?.name,
    });
  const unprocessed = async (database: Db) =>
    Number(
      (
        await database.kysely
          .selectFrom('webhook_inbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('state', 'in', ['pending', 'processing'])
          .executeTakeFirstOrThrow()
      ).n,
    );
  const waitUntilProcessed = async (database: Db) => {
    const deadline = Date.now() + 60_000;
    while ((await unprocessed(database)) > 0) {
      if (Date.now() > deadline) throw new Error('the inbox was not processed within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  /** How many times each WhatsApp message id is stored. */
  const storedCounts = async (database: Db) => {
    const rows = await database.kysely
      .selectFrom('messages')
      .select(['wa_message_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('wa_message_id')
      .execute();
    return new Map(rows.map((row) => [row.wa_message_id, Number(row.n)]));
  };
  /** Every contact whose counters disagree with the messages and conversations stored for it. */
  const contactsOutOfStep = async (database: Db) => {
    const contacts = await database.kysely
      .selectFrom('contacts')
      .select((eb) => [
        'id',
        'message_count',
        'conversation_count',
        eb
          .selectFrom('messages')
          .select((m) => m.fn.countAll<number>().as('n'))
          .whereRef('messages.contact_id', '=', 'contacts.id')
          .as('messages'),
        eb
          .selectFrom('conversations')
          .select((c) => c.fn.countAll<number>().as('n'))
          .whereRef('conversations.contact_id', '=', 'contacts.id')
          .as('conversations'),
      ])
      .execute();
    expect(contacts.length).toBeGreaterThan(0);
    return contacts.filter(
      (c) => c.message_count !== Number(c.messages) || c.conversation_count !== Number(c.conversations),
    );
  };

  it('stores every acknowledged message exactly once when the server is killed mid-stream and restarted', async () => {
    const stream = notificationStream();
    const first = await startServer(env);
    const beforeKill = await send(first.baseUrl, stream, (acknowledged) => {
      if (acknowledged === KILL_AFTER) first.child.kill('SIGKILL');
    });
    await killed(first);
    expect(beforeKill.acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(beforeKill.unsent.length).toBeGreaterThan(0);

    db = openDb();
    const leftByTheCrash = await unprocessed(db);
    expect(leftByTheCrash, 'notifications received but not processed when the server died').toBeGreaterThan(
      0,
    );

    const second = await startServer(env);
    try {
      const afterRestart = await send(second.baseUrl, beforeKill.unsent);
      expect(afterRestart.failed).toEqual([]);
      expect(afterRestart.unsent).toEqual([]);
      await waitUntilProcessed(db);

      const acknowledged = new Set(
        [...beforeKill.acknowledged, ...afterRestart.acknowledged].map((n) => n.messageId),
      );
      const stored = await storedCounts(db);
      for (const id of acknowledged) expect(stored.get(id), `${id} is stored once`).toBe(1);
      const sent = new Set(stream.map((n) => n.messageId));
      expect([...stored.keys()].filter((id) => !sent.has(id))).toEqual([]);
      expect([...stored.values()].every((n) => n === 1)).toBe(true);
      expect(await contactsOutOfStep(db)).toEqual([]);
      const failedStates = await db.kysely
        .selectFrom('webhook_inbox')
        .select(['id', 'error'])
        .where('state', '=', 'failed')
        .execute();
      expect(failedStates).toEqual([]);

      // WhatsApp redelivers what was never acknowledged: afterwards every message is stored, once.
      const redelivered = await send(second.baseUrl, beforeKill.failed);
      expect(redelivered.acknowledged).toHaveLength(beforeKill.failed.length);
      await waitUntilProcessed(db);
      const final = await storedCounts(db);
      expect(final.size).toBe(MESSAGES);
      expect([...final.values()].every((n) => n === 1)).toBe(true);
      expect(await contactsOutOfStep(db)).toEqual([]);
      const total = await db.kysely
        .selectFrom('contacts')
        .select((eb) => eb.fn.sum<number>('message_count').as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(total.n)).toBe(MESSAGES);
    } finally {
      await killed(second);
    }
  }, 180_000);
});
