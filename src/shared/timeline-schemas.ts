import { z } from 'zod';
import { messageSchema } from './message-schemas.js';
import { noteSchema } from './note-schemas.js';

/** One entry of a contact's timeline: a recorded change, a note, or a WhatsApp message. */
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
  z.object({ kind: z.literal('message'), id: z.string(), at: z.string(), message: messageSchema }),
]);
/** One entry of a contact's timeline. */
export type TimelineItem = z.infer<typeof timelineItemSchema>;

/** What the timeline can be filtered to. */
export const TIMELINE_KINDS = ['message', 'note', 'field', 'tag', 'consent'] as const;
/** A timeline filter. */
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Query of the timeline. */
export const timelineQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().max(200).optional(),
  /** Only these kinds, comma-separated: message, note, field (profile changes), tag, consent. */
  kinds: z
    .string()
    .max(100)
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const kinds = v.split(',').map((k) => k.trim());
      const unknown = kinds.filter((k) => !(TIMELINE_KINDS as readonly string[]).includes(k));
      if (unknown.length) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown kind ${unknown.join(', ')}; use ${TIMELINE_KINDS.join(', ')}`,
        });
        return z.NEVER;
      }
      return kinds as TimelineKind[];
    }),
});
