import { z } from 'zod';

/** A colour as #rrggbb. */
export const colorSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, 'must be a colour as #rrggbb');

/** A tag as the API shows it. */
export const tagSchema = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string(),
  category: z.string().nullable(),
  description: z.string().nullable(),
  contactCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A tag as the API shows it. */
export type Tag = z.infer<typeof tagSchema>;

/** Creating a tag. */
export const tagCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    color: colorSchema.optional(),
    category: z.string().trim().max(100).nullable().optional(),
    description: z.string().trim().max(500).nullable().optional(),
  })
  .strict();

/** Changing a tag. */
export const tagUpdateSchema = tagCreateSchema.partial().strict();

/** Tags to put on a contact, by id or by name (unknown names create the tag). */
export const tagRefsSchema = z
  .object({ tags: z.array(z.string().trim().min(1).max(100)).min(1).max(100) })
  .strict();
