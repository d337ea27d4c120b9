import { z } from 'zod';

/** Which contacts a bulk action applies to: listed ids, everyone matching a search, or everyone. */
export const selectionSchema = z.union([
  z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(100_000) }).strict(),
  z.object({ q: z.string().trim().min(1).max(200) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
/** Which contacts a bulk action applies to. */
export type Selection = z.infer<typeof selectionSchema>;

/** A bulk action on contacts. */
export const bulkActionSchema = z
  .object({
    selection: selectionSchema,
    action: z.enum(['add_tags', 'remove_tags', 'delete']),
    tags: z.array(z.string().trim().min(1).max(100)).min(1).max(50).optional(),
  })
  .strict()
  .refine((body) => body.action === 'delete' || body.tags !== undefined, {
    path: ['tags'],
    message: 'name the tags to add or remove',
  });
/** A bulk action on contacts. */
export type BulkAction = z.output<typeof bulkActionSchema>;

/** The outcome for one contact. */
export const bulkItemResultSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  error: z.string().optional(),
});

/** What a finished bulk action reports. */
export const bulkResultSchema = z.object({
  counts: z.object({ ok: z.number(), failed: z.number() }),
  results: z.array(bulkItemResultSchema),
});
/** What a finished bulk action reports. */
export type BulkResult = z.infer<typeof bulkResultSchema>;
