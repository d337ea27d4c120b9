import type { WebhookLoadResult } from './webhook-load.js';

/** The numbers the webhook must reach on a 2-core machine, SQLite, signatures on. */
export const WEBHOOK_TARGETS = { perSecond: 2000, p99Ms: 50, ratio: 0.35 } as const;

/** What the inbox looked like after the load, and whether every acknowledged message was stored once. */
export interface IngestCheck {
  /** Notifications received but not processed yet when the load stopped. */
  backlogAtEnd: number;
  /** Acknowledged notifications already processed when the load stopped. */
  processedDuringLoad: number;
  /** Seconds from the end of the load until the inbox was fully processed. */
  drainSeconds: number;
  /** Distinct inbound messages in acknowledged notifications. */
  acknowledgedMessages: number;
  /** Of those, how many are not stored, and how many are stored more than once. */
  missing: number;
  duplicated: number;
  /** Contacts whose message_count differs from their stored messages. */
  contactsOutOfStep: number;
  /** Notifications the processor set aside as failed. */
  failedNotifications: number;
}

/** One run of the webhook ingest benchmark. */
export interface WebhookIngestResults {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; loadAverageAtStart: number[] };
  options: {
    durationSeconds: number;
    concurrency: number;
    redeliveryRate: number;
    statusRate: number;
    senders: number;
    db: 'sqlite';
  };
  rolo: WebhookLoadResult;
  bare: WebhookLoadResult;
  /** Rolo's acknowledged notifications per second over the bare server's. */
  ratio: number;
  ingest: IngestCheck;
  checks: Array<{ metric: string; value: string; target: string; met: boolean }>;
}

/** Holds the measured numbers against the targets. */
export function evaluateWebhookTargets(
  results: Omit<WebhookIngestResults, 'checks'>,
): WebhookIngestResults['checks'] {
  const { rolo, bare, ratio, ingest } = results;
  return [
    {
      metric: 'notifications acknowledged per second (Rolo)',
      value: `${rolo.perSecond.toLocaleString('en')}/s (bare: ${bare.perSecond.toLocaleString('en')}/s)`,
      target: `≥ ${WEBHOOK_TARGETS.perSecond.toLocaleString('en')}/s`,
      met: rolo.perSecond >= WEBHOOK_TARGETS.perSecond,
    },
    {
      metric: 'latency p99 (Rolo)',
      value: `${rolo.latencyMs.p99.toFixed(2)} ms (bare: ${bare.latencyMs.p99.toFixed(2)} ms)`,
      target: `≤ ${WEBHOOK_TARGETS.p99Ms} ms`,
      met: rolo.latencyMs.p99 <= WEBHOOK_TARGETS.p99Ms,
    },
    {
      metric: 'throughput ratio Rolo / bare',
      value: ratio.toFixed(2),
      target: `≥ ${WEBHOOK_TARGETS.ratio}`,
      met: ratio >= WEBHOOK_TARGETS.ratio,
    },
    {
      metric: 'acknowledged inbound messages stored exactly once',
      value: `${(ingest.acknowledgedMessages - ingest.missing - ingest.duplicated).toLocaleString('en')} of ${ingest.acknowledgedMessages.toLocaleString('en')} (missing ${ingest.missing}, duplicated ${ingest.duplicated}, counters off ${ingest.contactsOutOfStep}, failed ${ingest.failedNotifications})`,
      target: 'all',
      met:
        ingest.acknowledgedMessages > 0 &&
        ingest.missing === 0 &&
        ingest.duplicated === 0 &&
        ingest.contactsOutOfStep === 0 &&
        ingest.failedNotifications === 0,
    },
    {
      metric: 'errors and non-200 answers (Rolo)',
      value: `${rolo.errors} errors, ${rolo.non2xx} non-200`,
      target: '0',
      met: rolo.errors === 0 && rolo.non2xx === 0,
    },
  ];
}

const row = (name: string, r: WebhookLoadResult) =>
  `| ${name} | ${r.perSecond.toLocaleString('en')} | ${r.acknowledged.toLocaleString('en')} | ${r.errors} / ${r.non2xx} | ${r.latencyMs.p50.toFixed(2)} | ${r.latencyMs.p95.toFixed(2)} | ${r.latencyMs.p99.toFixed(2)} | ${r.latencyMs.max.toFixed(2)} |`;

/** The run as a readable summary: targets first, then the detail behind them. */
export function renderWebhookIngestMarkdown(results: WebhookIngestResults): string {
  const { options, machine, rolo, bare, ingest } = results;
  return `# WhatsApp webhook ingest on SQLite

Run ${results.startedAt} on ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node} (load average at start
${machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(', ')}), with \`npm run bench:webhook -- --duration ${options.durationSeconds}\`.

Both servers run as child processes on loopback and get the same stream for ${options.durationSeconds} s from
${options.concurrency} concurrent senders (each waits for its answer), every notification signed with
HMAC-SHA256: ${Math.round(options.statusRate * 100)}% delivery statuses of earlier outbound messages,
${Math.round(options.redeliveryRate * 100)}% redeliveries of earlier notifications, the rest inbound messages
(texts, images, button replies, reactions, ad referrals) from ${options.senders.toLocaleString('en')} customers.
**Rolo** is \`rolo serve\` on a fresh SQLite database, its channel connected from WHATSAPP_* variables; it
checks the signature, keeps the raw body in the inbox before answering 200, and processes the inbox in the same
process meanwhile. **Bare** is a Node \`http\` server that reads the body, checks the same signature and answers 200.

| metric | value | target | met? |
| --- | --- | --- | --- |
${results.checks.map((c) => `| ${c.metric} | ${c.value} | ${c.target} | ${c.met ? 'yes' : '**no**'} |`).join('\n')}

| server | acknowledged/s | acknowledged | errors / non-200 | p50 ms | p95 ms | p99 ms | max ms |
| --- | --- | --- | --- | --- | --- | --- | --- |
${row('Rolo', rolo)}
${row('bare Node http', bare)}

Sent to Rolo: ${rolo.kinds.message.toLocaleString('en')} messages, ${rolo.kinds.status.toLocaleString('en')} statuses,
${rolo.kinds.redelivery.toLocaleString('en')} redeliveries.

During the load Rolo processed ${ingest.processedDuringLoad.toLocaleString('en')} notifications; after it,
${ingest.backlogAtEnd.toLocaleString('en')} were waiting in the inbox, fully processed
${ingest.drainSeconds.toFixed(2)} s after the load stopped. Of ${ingest.acknowledgedMessages.toLocaleString('en')}
distinct inbound messages acknowledged, ${ingest.missing} are missing and ${ingest.duplicated} stored more than once;
${ingest.contactsOutOfStep} contacts have a message count that differs from their stored messages;
${ingest.failedNotifications} notifications failed.
`;
}
