import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import { summarize, type LatencySummary } from './percentiles.js';
import type { TrafficItem } from './webhook-traffic.js';

/** What one run of webhook load measured. */
export interface WebhookLoadResult {
  sent: number;
  /** Notifications answered 200. */
  acknowledged: number;
  non2xx: number;
  errors: number;
  seconds: number;
  /** Acknowledged notifications per second. */
  perSecond: number;
  latencyMs: LatencySummary;
  /** Notifications sent of each kind. */
  kinds: Record<TrafficItem['kind'], number>;
}

/** How the load is applied. */
export interface WebhookLoadSettings {
  concurrency: number;
  durationSeconds: number;
  /** The app secret every notification is signed with (X-Hub-Signature-256). */
  secret: string;
}

function post(agent: Agent, url: URL, body: string, signature: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-hub-signature-256': signature,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Posts signed notifications from `next` with `concurrency` senders, each waiting for its answer before sending
 * again, for a fixed time; every acknowledged notification's inbound message ids go to `acknowledgedIds`.
 */
export async function driveWebhookLoad(
  url: string,
  next: () => TrafficItem,
  settings: WebhookLoadSettings,
  acknowledgedIds: Set<string> = new Set(),
): Promise<WebhookLoadResult> {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: settings.concurrency });
  const durations: number[] = [];
  const kinds: Record<TrafficItem['kind'], number> = { message: 0, status: 0, redelivery: 0 };
  let acknowledged = 0;
  let non2xx = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + settings.durationSeconds * 1000;
  const sender = async () => {
    while (performance.now() < deadline) {
      const item = next();
      kinds[item.kind]++;
      const signature = `sha256=${createHmac('sha256', settings.secret).update(item.body).digest('hex')}`;
      const sentAt = performance.now();
      try {
        const status = await post(agent, target, item.body, signature);
        durations.push(performance.now() - sentAt);
        if (status === 200) {
          acknowledged++;
          for (const id of item.inboundIds) acknowledgedIds.add(id);
        } else non2xx++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: settings.concurrency }, sender));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    sent: durations.length + errors,
    acknowledged,
    non2xx,
    errors,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round(acknowledged / seconds),
    latencyMs: summarize(durations),
    kinds,
  };
}
