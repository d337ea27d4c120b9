import { z } from 'zod';
import { isCountryCode } from './country.js';

/** Note types every workspace has; workspaces may add their own. */
export const BUILT_IN_NOTE_TYPES = ['general', 'call', 'meeting', 'follow-up', 'complaint'] as const;

/** An ISO country code, accepted in any case and stored upper-case. */
export const countryCodeSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code such as US or BR');

/** A workspace as the API shows it. */
export const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  defaultCountry: z.string(),
  noteTypes: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A workspace as the API shows it. */
export type Workspace = z.infer<typeof workspaceSchema>;

/** Changes to workspace settings. */
export const workspaceUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    defaultCountry: countryCodeSchema,
    noteTypes: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .min(1)
          .max(40)
          .regex(/^[a-z0-9][a-z0-9 -]*$/, 'use letters, digits, spaces and dashes'),
      )
      .max(50),
  })
  .partial()
  .strict();
