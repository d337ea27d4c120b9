import type { TimelineItem } from '../../shared/timeline-schemas.js';
import type { UnitOfWork } from '../db/repositories.js';
import { notFound } from '../http/errors.js';
import { toNote } from '../notes/notes.service.js';
import type { FieldChange } from './contact-events.repository.js';

/** A contact's timeline: its events and notes merged newest first (messages join in the WhatsApp feature). */
export class TimelineService {
  constructor(private readonly uow: UnitOfWork) {}

  /** One page of the timeline; the cursor is the id of the last item seen (ids are time-ordered). */
  async getTimeline(
    workspaceId: string,
    contactId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ data: TimelineItem[]; nextCursor: string | null }> {
    const { repos } = this.uow;
    if (!(await repos.contacts.find(workspaceId, contactId))) throw notFound('Contact');
    const [events, notes] = await Promise.all([
      repos.events.listForContact(workspaceId, contactId, limit + 1, cursor),
      repos.notes.pageForContact(workspaceId, contactId, limit + 1, cursor),
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
    ].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    const data = merged.slice(0, limit);
    const last = data.at(-1);
    return { data, nextCursor: merged.length > limit && last ? last.id : null };
  }
}
