import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

/** A problem with one input field, named by its path (`phone`, `custom.plan`, `address.country`). */
export interface FieldError {
  path: string;
  message: string;
}

/** Stable error codes clients can branch on. */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'conflict'
  | 'version_conflict'
  | 'identity_taken'
  | 'name_taken'
  | 'channel_taken'
  | 'channel_not_connected'
  | 'window_closed'
  | 'whatsapp_send_failed'
  | 'idempotency_key_reused'
  | 'idempotency_in_progress'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unreadable_file'
  | 'gone'
  | 'internal_error';

/** An error meant for the caller: it carries a code, an HTTP status and a message for people. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The resource does not exist in the caller's workspace (other workspaces' rows look the same). */
export function notFound(what: string): AppError {
  return new AppError('not_found', 404, `${what} not found`);
}

/** One or more input fields are invalid. */
export function invalid(errors: FieldError[]): AppError {
  const first = errors[0];
  const detail =
    errors.length === 1 && first ? `${first.path}: ${first.message}` : `${errors.length} fields are invalid`;
  return new AppError('validation_failed', 400, detail, errors);
}

/** A single invalid field. */
export function invalidField(path: string, message: string): AppError {
  return invalid([{ path, message }]);
}

/** The caller's role does not allow this action. */
export function forbidden(message = 'Your role does not allow this action'): AppError {
  return new AppError('forbidden', 403, message);
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** The RFC 9457 body for an error. */
function problemOf(error: AppError) {
  return {
    type: `https://rolo.dev/problems/${error.code.replaceAll('_', '-')}`,
    title: TITLES[error.status] ?? 'Error',
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.errors ? { errors: error.errors } : {}),
    ...error.extra,
  };
}

/** Translates framework, validation and unexpected errors into the same problem+json shape. */
function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext === 'body' ? '' : `${error.validationContext}.`;
    return invalid(
      error.validation.map((issue) => ({
        path:
          `${where}${issue.instancePath.replace(/^\//, '').replaceAll('/', '.')}` ||
          String(error.validationContext),
        message: issue.message ?? 'is invalid',
      })),
    );
  }
  if (isResponseSerializationError(error))
    return new AppError('internal_error', 500, 'The server built an invalid response');
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new AppError('payload_too_large', 413, 'The request body is too large');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new AppError('unsupported_media_type', 415, 'Send JSON with Content-Type: application/json');
  if (
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    error instanceof SyntaxError
  )
    return invalidField('body', 'is not valid JSON');
  if (error.statusCode === 429) return new AppError('rate_limited', 429, error.message);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return new AppError('validation_failed', error.statusCode, error.message);
  return new AppError(
    'internal_error',
    500,
    'Something went wrong on our side; the request was not completed',
  );
}

/** Fastify error handler: every error leaves as application/problem+json. */
export function sendProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(error);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  const retryAfter = appError.extra?.retryAfter;
  if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
  void reply.status(appError.status).type('application/problem+json').send(problemOf(appError));
}

/** Answers unknown routes with the same problem shape. */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply): void {
  void reply
    .status(404)
    .type('application/problem+json')
    .send(
      problemOf(new AppError('not_found', 404, `No route ${request.method} ${request.url.split('?')[0]}`)),
    );
}
