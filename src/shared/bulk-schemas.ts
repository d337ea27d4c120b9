import { z } from 'zod';
import { filterNodeSchema } from './filter/filter-schema.js';

/** Which contacts a bulk action applies to: listed ids, a search, a filter, a segment, or everyone. */
export const selectionSchema = z.union([
  z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(100_000) }).strict(),
  z.object({ q: z.string().trim().min(1).max(200) }).strict(),
  z.object({ filter: filterNodeSchema }).strict(),
  z.object({ segmentId: z.string().min(1).max(100) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
/** Which contacts a bulk action applies to. */
export type Selection = z.infer<typeof selectionSchema>;

const tagNames = z.array(z.string().trim().min(1).max(100)).min(1).max(50);
/** A field a bulk action may set or clear: `company`, `address.city`, `social.website`, `custom.<key>`, `assigneeId`. */
const fieldPath = z.string().trim().min(1).max(120);
const fieldValue = z.union([
  z.string().max(10_000),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(1000)).max(100),
]);

/** A bulk action on contacts. */
export const bulkActionSchema = z.discriminatedUnion('action', [
  z.object({ selection: selectionSchema, action: z.literal('add_tags'), tags: tagNames }).strict(),
  z.object({ selection: selectionSchema, action: z.literal('remove_tags'), tags: tagNames }).strict(),
  z
    .object({
      selection: selectionSchema,
      action: z.literal('set_field'),
      field: fieldPath,
      value: fieldValue,
    })
    .strict(),
  z.object({ selection: selectionSchema, action: z.literal('clear_field'), field: fieldPath }).strict(),
  z
    .object({
      selection: selectionSchema,
      action: z.literal('assign'),
      /** One member, or several taken in turn (round-robin) in the order of the selection. */
      assigneeIds: z.array(z.string().min(1).max(100)).min(1).max(50),
    })
    .strict(),
  z.object({ selection: selectionSchema, action: z.literal('delete') }).strict(),
]);
/** A bulk action on contacts. */
export type BulkAction = z.output<typeof bulkActionSchema>;
/** The kinds of bulk action. */
export type BulkActionKind = BulkAction['action'];

/** The bulk actions that can be undone. */
export const UNDOABLE_ACTIONS: readonly BulkActionKind[] = [
  'add_tags',
  'remove_tags',
  'set_field',
  'clear_field',
  'assign',
];

/** The outcome for one contact. */
export const bulkItemResultSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  error: z.string().optional(),
});

/** What a finished bulk action (or its undo) reports; `bulkActionId` names it for an undo. */
export const bulkResultSchema = z.object({
  bulkActionId: z.string(),
  counts: z.object({ ok: z.number(), failed: z.number() }),
  results: z.array(bulkItemResultSchema),
});
/** What a finished bulk action reports. */
export type BulkResult = z.infer<typeof bulkResultSchema>;

/** A bulk action as recorded, for its undo. */
export const bulkActionRecordSchema = z.object({
  id: z.string(),
  action: z.string(),
  state: z.enum(['running', 'done', 'undoing', 'undone']),
  undoable: z.boolean(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
/** A bulk action as recorded. */
export type BulkActionRecord = z.infer<typeof bulkActionRecordSchema>;
