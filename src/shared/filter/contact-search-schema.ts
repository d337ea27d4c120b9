import { z } from 'zod';
import { CONTACT_SORTS } from '../contact-sorts.js';

/** Body of POST /contacts/search: the list's query with the filter as JSON instead of a URL parameter. */
export const contactSearchSchema = z
  .object({
    /** A filter tree (see docs/filters.md); checked against the workspace's fields. */
    filter: z.unknown().optional(),
    q: z.string().trim().max(200).optional(),
    sort: z.enum(CONTACT_SORTS).default('name'),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().max(1000).optional(),
  })
  .strict();
/** Body of a contact search, after parsing. */
export type ContactSearchInput = z.output<typeof contactSearchSchema>;
