import { ApiError, messageOf } from '../../api/api-error';

/** The server's message for one field of a form, when the last attempt failed on it. */
export function fieldError(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(path) : undefined;
}

/** The message to show above a form: the error's text unless every problem it names is shown on a field. */
export function formError(error: unknown, fieldPaths: string[]): string | null {
  if (!error) return null;
  if (error instanceof ApiError && error.fieldProblems.length > 0) {
    const elsewhere = error.fieldProblems.filter((problem) => !fieldPaths.includes(problem.path));
    if (elsewhere.length === 0) return null;
    if (error.code === 'validation_failed')
      return elsewhere.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
  }
  return messageOf(error);
}
