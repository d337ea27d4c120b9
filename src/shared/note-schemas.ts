import { z } from 'zod';

const noteType = z.string().trim().toLowerCase().min(1).max(40);
const noteBody = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(20000, 'must be at most 20,000 characters');

/** A private team note as the API shows it; `body` is Markdown, never sent to the customer. */
export const noteSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  type: z.string(),
  body: z.string(),
  pinned: z.boolean(),
  authorId: z.string().nullable(),
  edited: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
/** A private team note. */
export type Note = z.infer<typeof noteSchema>;

/** Writing a note. */
export const noteCreateSchema = z
  .object({ type: noteType.default('general'), body: noteBody, pinned: z.boolean().default(false) })
  .strict();

/** Changing a note; `version` guards against overwriting someone else's edit. */
export const noteUpdateSchema = z
  .object({ type: noteType, body: noteBody, pinned: z.boolean(), version: z.number().int().positive() })
  .partial()
  .strict();

/** An earlier state of a note. */
export const noteRevisionSchema = z.object({
  id: z.string(),
  type: z.string(),
  body: z.string(),
  pinned: z.boolean(),
  editedBy: z.string().nullable(),
  editedAt: z.string(),
});
