import { ApiError, messageOf } from '../api/api-error';

/** Why a message was not sent, in words: the server's detail, or each invalid field. */
export function sendProblem(error: unknown): string {
  if (error instanceof ApiError && error.code === 'validation_failed' && error.fieldProblems.length > 0)
    return error.fieldProblems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
  return messageOf(error);
}

/** True when the server refused because no WhatsApp number is connected. */
export function isChannelMissing(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'channel_not_connected';
}
