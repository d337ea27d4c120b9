import type { TimelineItem, TimelineKind } from '../../shared/timeline-schemas.js';
import type { UnitOfWork } from '../db/repositories.js';
import { notFound } from '../http/errors.js';
import { toNote } from '../notes/notes.service.js';
import { toMessage } from '../whatsapp/message-mapper.js';
import type { FieldChange } from './contact-events.repository.js';
import { decodePosition, encodePosition, newestFirst } from './timeline-position.js';

/** The event types each timeline filter shows. */
const EVENT_TYPES: Record<'field' | 'tag' | 'consent', string[]> = {
  field: ['created', 'updated', 'deleted'],
  tag: ['tag_added', 'tag_removed'],
  consent: ['consent_recorded'],
};

/** The event types to read for a filter: all (undefined) or those of the chosen kinds. */
function eventTypesOf(kinds: TimelineKind[] | undefined): string[] | undefined {
  if (!kinds) return undefined;
  return kinds.flatMap((kind) =>
    kind === 'field' || kind === 'tag' || kind === 'consent' ? EVENT_TYPES[kind] : [],
  );
}

/** A contact's timeline: its messages, changes and notes merged newest first, optionally of some kinds only. */
export class TimelineService {
  constructor(private readonly uow: UnitOfWork) {}

  /** One page of the timeline; the cursor is the position of the last item seen. */
  async getTimeline(
    workspaceId: string,
    contactId: string,
    limit: number,
    cursor?: string,
    kinds?: TimelineKind[],
  ): Promise<{ data: TimelineItem[]; nextCursor: string | null }> {
    const { repos } = this.uow;
    const before = decodePosition(cursor);
    if (!(await repos.contacts.find(workspaceId, contactId))) throw notFound('Contact');
    const wants = (kind: TimelineKind) => !kinds || kinds.includes(kind);
    const eventTypes = eventTypesOf(kinds);
    const [events, notes, messages] = await Promise.all([
      eventTypes?.length === 0
        ? []
        : repos.events.listForContact(workspaceId, contactId, limit + 1, before, eventTypes),
      wants('note') ? repos.notes.pageForContact(workspaceId, contactId, limit + 1, before) : [],
      wants('message') ? repos.messages.pageForContact(workspaceId, contactId, limit + 1, before) : [],
    ]);
    const merged: TimelineItem[] = [
      ...events.map((e): TimelineItem => ({
        kind: 'event',
        id: e.id,
        at: e.created_at,
        type: e.type,
        changes: JSON.parse(e.changes) as FieldChange[],
        actor: { type: e.actor_type, id: e.actor_id },
      })),
      ...notes.map((n): TimelineItem => ({ kind: 'note', id: n.id, at: n.created_at, note: toNote(n) })),
      ...messages.map((m): TimelineItem => ({
        kind: 'message',
        id: m.id,
        at: m.sent_at,
        message: toMessage(m),
      })),
    ].sort(newestFirst);
    const data = merged.slice(0, limit);
    const last = data.at(-1);
    return { data, nextCursor: merged.length > limit && last ? encodePosition(last) : null };
  }
}
