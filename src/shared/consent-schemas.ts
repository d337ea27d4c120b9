import { z } from 'zod';
import { CONSENT_CHANNELS, CONSENT_PURPOSES } from './consent-kinds.js';

export { CONSENT_CHANNELS, CONSENT_PURPOSES } from './consent-kinds.js';

/** Recording a consent decision. */
export const consentRecordSchema = z
  .object({
    channel: z.enum(CONSENT_CHANNELS),
    purpose: z.enum(CONSENT_PURPOSES),
    status: z.enum(['opted_in', 'opted_out']),
    source: z.string().trim().min(1).max(100),
    proof: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();

/** One ledger entry. */
export const consentEntrySchema = z.object({
  id: z.string(),
  channel: z.enum(CONSENT_CHANNELS),
  purpose: z.enum(CONSENT_PURPOSES),
  status: z.enum(['opted_in', 'opted_out']),
  source: z.string(),
  proof: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
/** One consent ledger entry. */
export type ConsentEntry = z.infer<typeof consentEntrySchema>;

/** A contact's consent: the state per channel and purpose (`unknown` when never recorded), and the full ledger. */
export const consentStateSchema = z.object({
  current: z.array(
    z.object({
      channel: z.enum(CONSENT_CHANNELS),
      purpose: z.enum(CONSENT_PURPOSES),
      status: z.enum(['opted_in', 'opted_out', 'unknown']),
      since: z.string().nullable(),
    }),
  ),
  history: z.array(consentEntrySchema),
});
/** A contact's consent state and ledger. */
export type ConsentState = z.infer<typeof consentStateSchema>;
