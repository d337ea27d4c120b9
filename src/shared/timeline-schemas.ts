import { z } from 'zod';
import { noteSchema } from './note-schemas.js';

/** One entry of a contact's timeline: a recorded change, or a note. */
export const timelineItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('event'),
    id: z.string(),
    at: z.string(),
    type: z.string(),
    changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    actor: z.object({ type: z.string(), id: z.string().nullable() }),
  }),
  z.object({ kind: z.literal('note'), id: z.string(), at: z.string(), note: noteSchema }),
]);
/** One entry of a contact's timeline. */
export type TimelineItem = z.infer<typeof timelineItemSchema>;

/** Query of the timeline. */
export const timelineQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().max(100).optional(),
});
