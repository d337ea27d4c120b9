import { randomBytes } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import { nowIso } from '../clock.js';
import type { UnitOfWork } from '../db/repositories.js';
import type { WebhookInboxTable } from '../db/schema.js';
import type { ChannelLookup } from './notification-processing.js';
import { processNotification, routesOf } from './notification-processing.js';

/** Tries before a notification is set aside as failed (it stays in the inbox with its error). */
const MAX_ATTEMPTS = 5;

/** How the processor polls and leases. */
export interface InboxProcessorOptions {
  pollMs?: number;
  leaseMs?: number;
  batchSize?: number;
  logger?: Pick<FastifyBaseLogger, 'error' | 'warn' | 'info'>;
}

const later = (ms: number) => new Date(Date.now() + ms).toISOString();

/**
 * Works through the webhook inbox: each notification is processed in one transaction that also marks it done, so
 * a crash or restart resumes where it stopped and nothing is applied twice. Several processors may share a database.
 */
export class InboxProcessor {
  readonly workerId = `inbox-${randomBytes(6).toString('hex')}`;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly channelsOf: ChannelLookup,
    private readonly options: InboxProcessorOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = options.batchSize ?? 100;
  }

  /** Starts working through the inbox. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** A notification arrived: process it now rather than at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Stops, after the notification in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Processes everything waiting now; the number processed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.uow.repos.inbox.claim(
        this.workerId,
        nowIso(),
        later(this.leaseMs),
        this.batchSize,
      );
      if (batch.length === 0) return total;
      for (const row of batch) {
        await this.processRow(row);
        total++;
      }
      await nextTurn();
      if (this.stopped) return total;
    }
  }

  private async processRow(row: WebhookInboxTable): Promise<void> {
    try {
      const body: unknown = JSON.parse(row.body);
      const routes = await routesOf(body, this.channelsOf);
      const summary = await this.uow.transaction(async (repos) => {
        const result = await processNotification(repos, body, row.verified_by, routes);
        await repos.inbox.markDone(row.id, nowIso());
        return result;
      });
      if (summary.unrouted.length)
        this.options.logger?.warn(
          { inboxId: row.id, phoneNumberIds: summary.unrouted },
          'WhatsApp notification for a number no workspace has connected; acknowledged and ignored',
        );
      if (summary.problems.length)
        this.options.logger?.warn(
          { inboxId: row.id, problems: summary.problems },
          'WhatsApp notification partly unreadable',
        );
    } catch (error) {
      const giveUp = row.attempts >= MAX_ATTEMPTS;
      this.options.logger?.error(
        { err: error, inboxId: row.id, attempt: row.attempts },
        'WhatsApp notification failed',
      );
      await this.uow.repos.inbox.markFailed(
        row.id,
        (error instanceof Error ? error.message : String(error)).slice(0, 2000),
        giveUp,
      );
    }
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.again = false;
      this.running = this.drain()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.options.logger?.error({ err: error }, 'inbox processor could not claim work'),
        )
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.schedule(this.again ? 0 : this.pollMs);
        });
    }, delay);
  }
}
