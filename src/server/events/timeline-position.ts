import { invalidField } from '../http/errors.js';

/** Where a timeline item sits: its time, then its id to order items of the same millisecond. */
export interface TimelinePosition {
  at: string;
  id: string;
}

/** The cursor a timeline page gives for its last item. */
export function encodePosition(position: TimelinePosition): string {
  return `${position.at}~${position.id}`;
}

/** Reads a cursor of a newest-first list (timeline, messages); a bad one is a 400 naming the cursor. */
export function decodePosition(cursor: string | undefined): TimelinePosition | undefined {
  if (!cursor) return undefined;
  const [at, id, extra] = cursor.split('~');
  if (!at || !id || extra !== undefined || Number.isNaN(Date.parse(at)))
    throw invalidField('cursor', 'is not a cursor this list gave');
  return { at, id };
}

/** Newest first: later time first, then the larger id. */
export function newestFirst(a: TimelinePosition, b: TimelinePosition): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
