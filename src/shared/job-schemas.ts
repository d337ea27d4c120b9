import { z } from 'zod';

/** A background job as the API shows it. */
export const jobSchema = z.object({
  id: z.string(),
  type: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  progress: z.object({ done: z.number(), total: z.number() }),
  result: z.unknown().optional(),
  error: z.string().optional(),
  attempts: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
/** A background job as the API shows it. */
export type Job = z.infer<typeof jobSchema>;
