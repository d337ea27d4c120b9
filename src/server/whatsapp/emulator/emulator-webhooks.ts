import { createHmac } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';

/** Where notifications go, how they are signed and paced, and where problems are reported. */
export interface WebhookSenderOptions {
  url?: string;
  appSecret: string;
  statusDelayMs: number;
  log: (line: string) => void;
}

const POST_TIMEOUT_MS = 10_000;

/** The `X-Hub-Signature-256` value for a raw body: `sha256=` and the hex HMAC-SHA256 keyed with the app secret. */
export function signatureHeader(rawBody: string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** Posts signed notifications to the app's webhook, now or in the background. */
export class WebhookSender {
  private readonly stopping = new AbortController();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: WebhookSenderOptions) {}

  /** The webhook URL, if notifications are being sent. */
  get url(): string | undefined {
    return this.options.url;
  }

  /** Posts one notification, signed as Meta signs it; resolves to the webhook's HTTP status. */
  async post(notification: object): Promise<number> {
    const url = this.options.url;
    if (!url)
      throw new Error('No webhook URL is set: start the emulator with webhookUrl to send notifications');
    const body = JSON.stringify(notification);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'facebookexternalua',
          'X-Hub-Signature-256': signatureHeader(body, this.options.appSecret),
        },
        body,
        signal: AbortSignal.any([this.stopping.signal, AbortSignal.timeout(POST_TIMEOUT_MS)]),
      });
      await response.arrayBuffer();
      return response.status;
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new Error(`The webhook at ${url} did not answer: ${reason}`, { cause });
    }
  }

  /** Posts the notifications one after the other, `statusDelayMs` apart, in the background (nothing without a URL). */
  postInTurn(notifications: object[], what: string): void {
    if (!this.options.url) return;
    const task = this.deliverInTurn(notifications, what).finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  /** Cancels the notifications still waiting and waits for those in flight to give up. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled(this.pending);
  }

  private async deliverInTurn(notifications: object[], what: string): Promise<void> {
    try {
      for (const notification of notifications) {
        await delay(this.options.statusDelayMs, undefined, { signal: this.stopping.signal });
        const status = await this.post(notification);
        if (status < 200 || status >= 300) this.options.log(`webhook answered HTTP ${status} to ${what}`);
      }
    } catch (error) {
      if (!this.stopping.signal.aborted)
        this.options.log(`${what} not delivered: ${(error as Error).message}`);
    }
  }
}
