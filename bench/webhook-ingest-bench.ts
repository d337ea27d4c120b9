import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/server/db/database.js';
import { UnitOfWork } from '../src/server/db/repositories.js';
import { startChildServer, startRoloServer } from './child-server.js';
import { writeCheckedResults } from './checked-results.js';
import { driveWebhookLoad } from './webhook-load.js';
import {
  evaluateWebhookTargets,
  renderWebhookIngestMarkdown,
  type IngestCheck,
  type WebhookIngestResults,
} from './webhook-ingest-report.js';
import { createWebhookTraffic, type TrafficOptions } from './webhook-traffic.js';

const SECRET = 'bench-app-secret';
const PHONE_NUMBER_ID = '106540352242922';
const CONCURRENCY = 16;

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
  },
});
const durationSeconds = Number(values.duration);
if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) throw new Error('--duration must be positive');
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
const traffic: TrafficOptions = {
  seed: 1,
  senders: 2000,
  redeliveryRate: 0.03,
  statusRate: 0.3,
  phoneNumberId: PHONE_NUMBER_ID,
  displayNumber: '15550783881',
};
const settings = { concurrency: CONCURRENCY, durationSeconds, secret: SECRET };
const loadAverageAtStart = loadavg();

/** Waits until the inbox is processed, then checks every acknowledged inbound message is stored exactly once. */
async function checkIngest(
  dataDir: string,
  acknowledged: number,
  acknowledgedIds: Set<string>,
): Promise<IngestCheck> {
  const db = openDatabase({ dataDir });
  const { repos } = new UnitOfWork(db);
  try {
    const backlogAtEnd = await repos.inbox.countUnprocessed();
    const since = performance.now();
    while ((await repos.inbox.countUnprocessed()) > 0) await new Promise((r) => setTimeout(r, 50));
    const drainSeconds = (performance.now() - since) / 1000;
    const stored = await db.kysely
      .selectFrom('messages')
      .select(['wa_message_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('direction', '=', 'in')
      .groupBy('wa_message_id')
      .execute();
    const counts = new Map(stored.map((r) => [r.wa_message_id, Number(r.n)]));
    let missing = 0;
    let duplicated = 0;
    for (const id of acknowledgedIds) {
      const n = counts.get(id) ?? 0;
      if (n === 0) missing++;
      else if (n > 1) duplicated++;
    }
    const contacts = await db.kysely
      .selectFrom('contacts')
      .select((eb) => [
        'message_count',
        eb
          .selectFrom('messages')
          .select((m) => m.fn.countAll<number>().as('n'))
          .whereRef('messages.workspace_id', '=', 'contacts.workspace_id')
          .whereRef('messages.contact_id', '=', 'contacts.id')
          .as('stored'),
      ])
      .execute();
    const failed = await db.kysely
      .selectFrom('webhook_inbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'failed')
      .executeTakeFirstOrThrow();
    return {
      backlogAtEnd,
      processedDuringLoad: acknowledged - backlogAtEnd,
      drainSeconds: Math.round(drainSeconds * 100) / 100,
      acknowledgedMessages: acknowledgedIds.size,
      missing,
      duplicated,
      contactsOutOfStep: contacts.filter((c) => c.message_count !== Number(c.stored)).length,
      failedNotifications: Number(failed.n),
    };
  } finally {
    await db.kysely.destroy();
  }
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'rolo-webhook-bench-'));
try {
  const rolo = await startRoloServer({
    ROLO_DATA_DIR: dataDir,
    WHATSAPP_APP_SECRET: SECRET,
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    WHATSAPP_DISPLAY_NUMBER: '+1 555 078 3881',
  });
  const acknowledgedIds = new Set<string>();
  let roloLoad;
  let ingest;
  try {
    log(`Rolo (pid ${rolo.pid}): ${CONCURRENCY} senders for ${durationSeconds} s`);
    const stream = createWebhookTraffic(traffic);
    roloLoad = await driveWebhookLoad(
      `${rolo.baseUrl}/webhooks/whatsapp`,
      stream.next,
      settings,
      acknowledgedIds,
    );
    log(
      `Rolo: ${roloLoad.perSecond}/s, p50 ${roloLoad.latencyMs.p50} ms, p99 ${roloLoad.latencyMs.p99} ms; waiting for the inbox`,
    );
    ingest = await checkIngest(dataDir, roloLoad.acknowledged, acknowledgedIds);
    log(`inbox processed ${ingest.drainSeconds} s after the load (backlog ${ingest.backlogAtEnd})`);
  } finally {
    await rolo.stop();
  }

  const bare = await startChildServer(['bench/bare-webhook-server.ts'], { WHATSAPP_APP_SECRET: SECRET }, '/');
  let bareLoad;
  try {
    log('bare Node http server: the same stream');
    bareLoad = await driveWebhookLoad(
      `${bare.baseUrl}/webhooks/whatsapp`,
      createWebhookTraffic(traffic).next,
      settings,
    );
    log(`bare: ${bareLoad.perSecond}/s, p50 ${bareLoad.latencyMs.p50} ms, p99 ${bareLoad.latencyMs.p99} ms`);
  } finally {
    await bare.stop();
  }

  const measured: Omit<WebhookIngestResults, 'checks'> = {
    startedAt: new Date(started).toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown CPU',
      node: process.versions.node,
      loadAverageAtStart,
    },
    options: {
      durationSeconds,
      concurrency: CONCURRENCY,
      redeliveryRate: traffic.redeliveryRate,
      statusRate: traffic.statusRate,
      senders: traffic.senders,
      db: 'sqlite',
    },
    rolo: roloLoad,
    bare: bareLoad,
    ratio: Math.round((roloLoad.perSecond / Math.max(1, bareLoad.perSecond)) * 100) / 100,
    ingest,
  };
  const results: WebhookIngestResults = { ...measured, checks: evaluateWebhookTargets(measured) };
  writeCheckedResults('webhook-ingest-sqlite', results, renderWebhookIngestMarkdown(results));
  log('results in bench/results/webhook-ingest-sqlite.md');
} finally {
  if (values.keep) console.log(`kept the benchmark database in ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
}
