import { ZodError } from 'zod';

/** A message for people from an error a command threw: zod issues become `field: problem` lines. */
export function describeError(error: unknown): string {
  if (error instanceof ZodError) {
    return error.issues
      .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
      .join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}
