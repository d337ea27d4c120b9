import { z } from 'zod';

/** How many contacts quick find returns at most, and by default. */
export const QUICK_SEARCH_LIMITS = { max: 50, default: 10 } as const;

/** Query of quick find: the text typed so far and how many contacts to return. */
export const quickSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(QUICK_SEARCH_LIMITS.max).default(QUICK_SEARCH_LIMITS.default),
});
/** Query of quick find, after parsing. */
export type QuickSearchQuery = z.output<typeof quickSearchQuerySchema>;

/** How well a contact matched: the whole name, email or phone; the start of a word; anywhere inside. */
export const QUICK_MATCHES = ['exact', 'prefix', 'substring'] as const;
/** How well a contact matched quick find. */
export type QuickMatch = (typeof QUICK_MATCHES)[number];

/** One contact quick find returns: enough to recognise it and open its profile. */
export const quickSearchHitSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  company: z.string().nullable(),
  match: z.enum(QUICK_MATCHES),
});
/** One contact quick find returns. */
export type QuickSearchHit = z.infer<typeof quickSearchHitSchema>;

/** Quick find's answer: best matches first (exact, then prefix, then substring; by name within each). */
export const quickSearchResultSchema = z.object({ data: z.array(quickSearchHitSchema) });
