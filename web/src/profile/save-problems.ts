import { ApiError, messageOf } from '../api/api-error';

/** A problem the server found with one field; `contactId` names the contact already holding a phone or email. */
export interface FieldProblemInfo {
  message: string;
  contactId?: string;
}

/** What a failed save means for the form. */
export interface SaveProblems {
  /** Problems shown on the field they name. */
  fields: Record<string, FieldProblemInfo>;
  /** Problems not tied to a field on the form. */
  general: string[];
  /** Someone else saved the contact since it was loaded. */
  conflict: boolean;
}

/** `is not a valid phone number` → `Not a valid phone number`; `is required` → `Required`. */
export function humanizeProblem(message: string): string {
  const text = message.replace(/^is /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Sorts a save error into field problems, general problems and a version conflict. */
export function problemsOf(error: unknown, formPaths: string[]): SaveProblems {
  const problems: SaveProblems = { fields: {}, general: [], conflict: false };
  if (!(error instanceof ApiError)) {
    problems.general.push(messageOf(error));
    return problems;
  }
  if (error.code === 'version_conflict') {
    problems.conflict = true;
    return problems;
  }
  if (error.code === 'not_found') {
    problems.general.push('This contact was deleted by someone else, so your changes cannot be saved.');
    return problems;
  }
  if (error.code === 'identity_taken') {
    const contactId = typeof error.extra.contactId === 'string' ? error.extra.contactId : undefined;
    for (const problem of error.fieldProblems) {
      if (formPaths.includes(problem.path))
        problems.fields[problem.path] = { message: error.message, contactId };
    }
    if (Object.keys(problems.fields).length === 0) problems.general.push(error.message);
    return problems;
  }
  for (const problem of error.fieldProblems) {
    if (formPaths.includes(problem.path))
      problems.fields[problem.path] = { message: humanizeProblem(problem.message) };
    else problems.general.push(`${problem.path}: ${problem.message}`);
  }
  if (error.fieldProblems.length === 0) problems.general.push(error.message);
  return problems;
}
