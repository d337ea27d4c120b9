import { z } from 'zod';
import { jobSchema } from './job-schemas.js';

/** Setting a tag's rule: a filter tree (see the filter language). */
export const smartRuleInputSchema = z.object({ rule: z.unknown() }).strict();

/** A tag's rule, or null when it has none. */
export const smartRuleSchema = z.object({ tagId: z.string(), rule: z.unknown().nullable() });

/** A rule set, with the job evaluating it over every contact. */
export const smartRuleSetSchema = smartRuleSchema.extend({ job: jobSchema });

/** What one evaluation of a smart tag changed. */
export const smartTagRunSchema = z.object({ tagId: z.string(), added: z.number(), removed: z.number() });
/** What one evaluation of a smart tag changed. */
export type SmartTagRun = z.infer<typeof smartTagRunSchema>;
