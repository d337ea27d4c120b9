import { beforePosition } from '../db/before-position.js';
import type { TimelinePosition } from './timeline-position.js';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/principal.js';
import { newId } from '../db/new-id.js';
import { insertRows } from '../db/insert-rows.js';
import type { Database } from '../db/schema.js';

/** One field's change: its path, the value before and after. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** A change to one contact, told to listeners once its transaction has committed (smart tags, automations). */
export interface ContactChange {
  workspaceId: string;
  contactId: string;
  /** The event type (`updated`, `tag_added`, …), or `message_received` / `message_sent`. */
  type: string;
  /** The fields that changed. */
  fields: string[];
}

/** Takes contact changes as they are recorded. */
export type ContactChangeSink = (changes: ContactChange[]) => Promise<void> | void;

/** A stored contact event. */
export interface ContactEventRow {
  id: string;
  contact_id: string;
  type: string;
  changes: string;
  actor_type: string;
  actor_id: string | null;
  created_at: string;
}

/** SQL for the contact event log. */
export class ContactEventsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sink: ContactChangeSink = () => undefined,
  ) {}

  /** Tells listeners of a change that records no event of its own (a message sent or received). */
  async noteChange(workspaceId: string, contactId: string, type: string): Promise<void> {
    await this.sink([{ workspaceId, contactId, type, fields: [] }]);
  }

  /** Appends one event; call it in the same transaction as the change it records. */
  async append(
    workspaceId: string,
    contactId: string,
    type: string,
    changes: FieldChange[],
    actor: Actor,
    now: string,
  ): Promise<void> {
    await this.db
      .insertInto('contact_events')
      .values({
        workspace_id: workspaceId,
        id: newId(),
        contact_id: contactId,
        type,
        changes: JSON.stringify(changes),
        actor_type: actor.type,
        actor_id: actor.id,
        created_at: now,
      })
      .execute();
    await this.sink([{ workspaceId, contactId, type, fields: changes.map((c) => c.field) }]);
  }

  /** Appends one event per contact, each with its own changes; call it in the transaction that made them. */
  async appendMany(
    workspaceId: string,
    entries: Array<{ contactId: string; changes: FieldChange[] }>,
    type: string,
    actor: Actor,
    now: string,
  ): Promise<void> {
    await insertRows(
      this.db,
      'contact_events',
      entries.map((entry) => ({
        workspace_id: workspaceId,
        id: newId(),
        contact_id: entry.contactId,
        type,
        changes: JSON.stringify(entry.changes),
        actor_type: actor.type,
        actor_id: actor.id,
        created_at: now,
      })),
    );
    if (entries.length === 0) return;
    await this.sink(
      entries.map((entry) => ({
        workspaceId,
        contactId: entry.contactId,
        type,
        fields: entry.changes.map((c) => c.field),
      })),
    );
  }

  /** A contact's events newest first (of some types only, when given), before a timeline position. */
  async listForContact(
    workspaceId: string,
    contactId: string,
    limit: number,
    before?: TimelinePosition,
    types?: string[],
  ): Promise<ContactEventRow[]> {
    let query = this.db
      .selectFrom('contact_events')
      .select(['id', 'contact_id', 'type', 'changes', 'actor_type', 'actor_id', 'created_at'])
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', contactId);
    if (types) query = query.where('type', 'in', types.length ? types : ['']);
    if (before) query = query.where(beforePosition('created_at', before));
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }
}
