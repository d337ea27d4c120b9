import { z } from 'zod';
import { CONTACT_SORTS } from './contact-sorts.js';
import type { FilterNode } from './filter/filter-tree.js';

/** Who sees a saved search: its owner only, or everyone in the workspace. */
export const SAVED_SEARCH_VISIBILITIES = ['personal', 'shared'] as const;
/** Who sees a saved search. */
export type SavedSearchVisibility = (typeof SAVED_SEARCH_VISIBILITIES)[number];

/** The contact-list columns a saved search shows, by list column id, in order. */
export const listColumnsSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[\w.:-]+$/, 'must be a column id such as phone or custom:<fieldId>'),
  )
  .max(100);

const savedSearchFields = {
  name: z.string().trim().min(1).max(100),
  visibility: z.enum(SAVED_SEARCH_VISIBILITIES),
  /** A filter tree (checked against the workspace's fields: a bad one is a 400 naming `filter.…`); null: none. */
  filter: z.unknown().nullable(),
  /** The search-box text; null or '' for none. */
  q: z
    .string()
    .trim()
    .max(200)
    .transform((v) => (v === '' ? null : v))
    .nullable(),
  /** The list order; null keeps the list's default. */
  sort: z.enum(CONTACT_SORTS).nullable(),
  /** The list columns; null keeps the member's current columns. */
  columns: listColumnsSchema.nullable(),
};

/** Saving a search (POST /saved-searches); `pinned` pins it for the caller. */
export const savedSearchCreateSchema = z
  .object({
    name: savedSearchFields.name,
    visibility: savedSearchFields.visibility.default('personal'),
    filter: savedSearchFields.filter.optional(),
    q: savedSearchFields.q.optional(),
    sort: savedSearchFields.sort.optional(),
    columns: savedSearchFields.columns.optional(),
    pinned: z.boolean().default(false),
  })
  .strict();
/** Saving a search, after parsing. */
export type SavedSearchCreateInput = z.output<typeof savedSearchCreateSchema>;

/** Changing a saved search (PATCH): only the fields given change; null clears filter, q, sort or columns. */
export const savedSearchUpdateSchema = z
  .object({
    name: savedSearchFields.name.optional(),
    visibility: savedSearchFields.visibility.optional(),
    filter: savedSearchFields.filter.optional(),
    q: savedSearchFields.q.optional(),
    sort: savedSearchFields.sort.optional(),
    columns: savedSearchFields.columns.optional(),
  })
  .strict();
/** Changing a saved search, after parsing. */
export type SavedSearchUpdateInput = z.output<typeof savedSearchUpdateSchema>;

/** A saved search as the API shows it to the caller. */
export const savedSearchSchema = z.object({
  id: z.string(),
  name: z.string(),
  visibility: z.enum(SAVED_SEARCH_VISIBILITIES),
  /** The filter tree (see FilterNode), or null. */
  filter: z.unknown(),
  q: z.string().nullable(),
  sort: z.enum(CONTACT_SORTS).nullable(),
  columns: z.array(z.string()).nullable(),
  /** Pinned in the caller's sidebar (pins are per member, also on shared searches). */
  pinned: z.boolean(),
  /** The user (or API key) that saved it. */
  ownerId: z.string(),
  /** True when the caller saved it. */
  mine: z.boolean(),
  /** True when the caller may change or delete it: its owner, or an admin for a shared search. */
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A saved search as the API shows it to the caller. */
export type SavedSearch = Omit<z.infer<typeof savedSearchSchema>, 'filter'> & { filter: FilterNode | null };
