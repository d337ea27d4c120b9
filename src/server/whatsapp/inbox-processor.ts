import { randomBytes } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import { nowIso } from '../clock.js';
import type { UnitOfWork } from '../db/repositories.js';
import type { WebhookInboxTable } from '../db/schema.js';
import type { ChannelLookup, ProcessingSummary } from './notification-processing.js';
import { processNotification, readNotification, type RoutedNotification } from './notification-processing.js';

/** Tries before a notification is set aside as failed (it stays in the inbox with its error). */
const MAX_ATTEMPTS = 5;

/** How the processor shares the event loop with the webhook: how long a group may take, then how many turns pass. */
interface Pace {
  budgetMs: number;
  turns: number;
}

/**
 * While notifications keep arriving (one came within BUSY_WINDOW_MS), groups are short and several turns of the
 * event loop pass between them, each answering every request that came meanwhile: WhatsApp is answered first, and
 * processing still uses whatever time the webhook leaves (a turn with nothing to do takes microseconds).
 */
const BUSY: Pace = { budgetMs: 1, turns: 4 };
/** When the stream pauses: longer groups, so that one commit serves more notifications. */
const QUIET: Pace = { budgetMs: 5, turns: 1 };
const BUSY_WINDOW_MS = 100;

/** A claimed notification, read and routed. */
interface Prepared {
  row: WebhookInboxTable;
  notification: RoutedNotification;
}

/** How the processor polls and leases. */
export interface InboxProcessorOptions {
  pollMs?: number;
  leaseMs?: number;
  batchSize?: number;
  logger?: Pick<FastifyBaseLogger, 'error' | 'warn' | 'info'>;
}

const later = (ms: number) => new Date(Date.now() + ms).toISOString();

/**
 * Works through the webhook inbox: each notification is processed in a transaction that also marks it done, so a
 * crash or restart resumes where it stopped and nothing is applied twice. Several processors may share a database.
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
  private lastArrival = Number.NEGATIVE_INFINITY;

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
    this.lastArrival = performance.now();
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
      const ready: Prepared[] = [];
      for (const row of batch) {
        const prepared = await this.prepare(row);
        if (prepared) ready.push(prepared);
      }
      for (let next = 0; next < ready.length;) {
        const pace = performance.now() - this.lastArrival < BUSY_WINDOW_MS ? BUSY : QUIET;
        next += await this.processGroup(ready.slice(next), pace.budgetMs);
        for (let turn = 0; turn < pace.turns; turn++) await nextTurn();
      }
      total += batch.length;
      if (this.stopped) return total;
    }
  }

  /** Reads a notification and looks up the channels it names (outside any transaction); null when it cannot be read. */
  private async prepare(row: WebhookInboxTable): Promise<Prepared | null> {
    try {
      const body: unknown = JSON.parse(row.body);
      return { row, notification: await readNotification(body, this.channelsOf) };
    } catch (error) {
      await this.fail(row, error);
      return null;
    }
  }

  /**
   * Processes notifications in one transaction, each marked done in it, until the group has taken `budgetMs`: one
   * commit for several of them, and the event loop (synchronous on SQLite) is back to the webhook soon. When one
   * fails, the whole group is undone and its notifications are processed one at a time, so that the failure is
   * recorded against the one that caused it. Returns how many notifications the group took.
   */
  private async processGroup(group: Prepared[], budgetMs: number): Promise<number> {
    const started = performance.now();
    const done: Array<{ row: WebhookInboxTable; summary: ProcessingSummary }> = [];
    try {
      await this.uow.transaction(async (repos) => {
        for (const { row, notification } of group) {
          const summary = await processNotification(repos, notification, row.verified_by);
          await repos.inbox.markDone(row.id, nowIso());
          done.push({ row, summary });
          if (performance.now() - started >= budgetMs) return;
        }
      });
    } catch {
      const attempted = group.slice(0, done.length + 1);
      for (const prepared of attempted) await this.processAlone(prepared);
      return attempted.length;
    }
    for (const { row, summary } of done) this.report(row, summary);
    return done.length;
  }

  /** Processes one notification in its own transaction, recording a failure against it. */
  private async processAlone({ row, notification }: Prepared): Promise<void> {
    try {
      const summary = await this.uow.transaction(async (repos) => {
        const result = await processNotification(repos, notification, row.verified_by);
        await repos.inbox.markDone(row.id, nowIso());
        return result;
      });
      this.report(row, summary);
    } catch (error) {
      await this.fail(row, error);
    }
  }

  private report(row: WebhookInboxTable, summary: ProcessingSummary): void {
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
  }

  private async fail(row: WebhookInboxTable, error: unknown): Promise<void> {
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
