import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { SqlDialect } from '../db/dialects/dialect.js';
import type { Database } from '../db/schema.js';

/** A conversation the customer opened: when (its first inbound message) and when the business first answered. */
export interface FirstResponseRow {
  started_at: string;
  /** The first outbound message of the conversation at or after its start; null when none was sent. */
  first_out: string | null;
}

/** A count of rows on one UTC day (`YYYY-MM-DD`). */
export interface DayCount {
  day: string;
  count: number;
}

/** The first outbound message of conversation `c`, through messages_conversation_idx. */
const firstOutboundOf = (eb: ExpressionBuilder<Database & { c: Database['conversations'] }, 'c'>) =>
  eb
    .selectFrom('messages as m')
    .select('m.sent_at')
    .whereRef('m.workspace_id', '=', 'c.workspace_id')
    .whereRef('m.conversation_id', '=', 'c.id')
    .whereRef('m.sent_at', '>=', 'c.started_at')
    .where('m.direction', '=', 'out')
    .orderBy('m.sent_at')
    .limit(1);

/**
 * SQL for conversation statistics. Every query reads a contact's rows or a period's rows through an index that
 * starts with the workspace and the contact or the time, never the whole workspace.
 */
export class ConversationStatsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: SqlDialect,
  ) {}

  /** How many messages a contact sent (`in`) and was sent (`out`). */
  async messageCountsOfContact(workspaceId: string, contactId: string): Promise<{ in: number; out: number }> {
    const rows = await this.db
      .selectFrom('messages')
      .select(['direction', (eb) => eb.fn.countAll<number>().as('count')])
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', contactId)
      .groupBy('direction')
      .execute();
    const countOf = (direction: string) => Number(rows.find((r) => r.direction === direction)?.count ?? 0);
    return { in: countOf('in'), out: countOf('out') };
  }

  /** The contact's customer-opened conversations, each with its first answer. */
  async firstResponsesOfContact(workspaceId: string, contactId: string): Promise<FirstResponseRow[]> {
    return this.db
      .selectFrom('conversations as c')
      .select((eb) => ['c.started_at', firstOutboundOf(eb).as('first_out')])
      .where('c.workspace_id', '=', workspaceId)
      .where('c.contact_id', '=', contactId)
      .where('c.opened_by', '=', 'customer')
      .execute();
  }

  /** The customer-opened conversations started in `[from, to)`, each with its first answer. */
  async firstResponsesInPeriod(workspaceId: string, from: string, to: string): Promise<FirstResponseRow[]> {
    return this.db
      .selectFrom('conversations as c')
      .select((eb) => ['c.started_at', firstOutboundOf(eb).as('first_out')])
      .where('c.workspace_id', '=', workspaceId)
      .where('c.started_at', '>=', from)
      .where('c.started_at', '<', to)
      .where('c.opened_by', '=', 'customer')
      .execute();
  }

  /** Contacts created in `[from, to)`, per UTC day and source. */
  async newContactsPerDay(
    workspaceId: string,
    from: string,
    to: string,
  ): Promise<Array<DayCount & { source: string }>> {
    const day = this.dialect.utcDay(sql.ref('created_at'));
    const rows = await this.db
      .selectFrom('contacts')
      .select([day.as('day'), 'source', (eb) => eb.fn.countAll<number>().as('count')])
      .where('workspace_id', '=', workspaceId)
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .groupBy([day, 'source'])
      .execute();
    return rows.map((r) => ({ day: r.day, source: r.source, count: Number(r.count) }));
  }

  /** Conversations started in `[from, to)`, per UTC day. */
  async conversationsPerDay(workspaceId: string, from: string, to: string): Promise<DayCount[]> {
    const day = this.dialect.utcDay(sql.ref('started_at'));
    const rows = await this.db
      .selectFrom('conversations')
      .select([day.as('day'), (eb) => eb.fn.countAll<number>().as('count')])
      .where('workspace_id', '=', workspaceId)
      .where('started_at', '>=', from)
      .where('started_at', '<', to)
      .groupBy(day)
      .execute();
    return rows.map((r) => ({ day: r.day, count: Number(r.count) }));
  }

  /** Messages sent in `[from, to)` (by their WhatsApp time), per UTC day and direction. */
  async messagesPerDay(
    workspaceId: string,
    from: string,
    to: string,
  ): Promise<Array<DayCount & { direction: string }>> {
    const day = this.dialect.utcDay(sql.ref('sent_at'));
    const rows = await this.db
      .selectFrom('messages')
      .select([day.as('day'), 'direction', (eb) => eb.fn.countAll<number>().as('count')])
      .where('workspace_id', '=', workspaceId)
      .where('sent_at', '>=', from)
      .where('sent_at', '<', to)
      .groupBy([day, 'direction'])
      .execute();
    return rows.map((r) => ({ day: r.day, direction: r.direction, count: Number(r.count) }));
  }
}
