import type { Kysely } from 'kysely';
import type { SqlDialect } from '../db/dialects/dialect.js';
import type { Database, WebhookInboxTable } from '../db/schema.js';

/** SQL for the webhook inbox: notifications kept from their receipt until they have been processed. */
export class InboxRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: SqlDialect,
  ) {}

  /** Keeps received notifications, all of them or none (one statement). */
  async insert(rows: WebhookInboxTable[]): Promise<void> {
    await this.db.insertInto('webhook_inbox').values(rows).execute();
  }

  /**
   * Takes up to `limit` notifications to process, oldest first: pending ones, and those whose processor let its
   * lease expire (it crashed). Two processors never take the same one.
   */
  async claim(
    workerId: string,
    now: string,
    leaseUntil: string,
    limit: number,
  ): Promise<WebhookInboxTable[]> {
    const due = this.dialect.skipLocked(
      this.db
        .selectFrom('webhook_inbox')
        .select('id')
        .where((eb) =>
          eb.or([
            eb('state', '=', 'pending'),
            eb.and([eb('state', '=', 'processing'), eb('lease_until', '<', now)]),
          ]),
        )
        .orderBy('id')
        .limit(limit),
    );
    return this.db
      .updateTable('webhook_inbox')
      .set((eb) => ({
        state: 'processing',
        attempts: eb(eb.ref('attempts'), '+', 1),
        lease_until: leaseUntil,
        locked_by: workerId,
      }))
      .where('id', 'in', due)
      .returningAll()
      .execute()
      .then((rows) => rows.sort((a, b) => (a.id < b.id ? -1 : 1)));
  }

  /** Marks a notification processed (inside the transaction that did its work). */
  async markDone(id: string, now: string): Promise<void> {
    await this.db
      .updateTable('webhook_inbox')
      .set({ state: 'done', processed_at: now, lease_until: null, error: null })
      .where('id', '=', id)
      .execute();
  }

  /** Records why processing failed: the notification waits for another try, or is set aside after the last. */
  async markFailed(id: string, error: string, giveUp: boolean): Promise<void> {
    await this.db
      .updateTable('webhook_inbox')
      .set({ state: giveUp ? 'failed' : 'pending', error, lease_until: null, locked_by: null })
      .where('id', '=', id)
      .execute();
  }

  /** How many notifications wait or are being processed. */
  async countUnprocessed(): Promise<number> {
    const row = await this.db
      .selectFrom('webhook_inbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', 'in', ['pending', 'processing'])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Drops processed notifications received before a time. */
  async purgeDone(before: string): Promise<number> {
    const result = await this.db
      .deleteFrom('webhook_inbox')
      .where('state', '=', 'done')
      .where('received_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
