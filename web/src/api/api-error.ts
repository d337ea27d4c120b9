/** A problem with one input field, as the API names it (`phone`, `custom.plan`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** An error answer of the API (problem+json), or a network failure (`status` 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldProblems: FieldProblem[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for one field, when the API named it. */
  fieldMessage(path: string): string | undefined {
    return this.fieldProblems.find((problem) => problem.path === path)?.message;
  }
}

/** A message to show for any thrown value. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
