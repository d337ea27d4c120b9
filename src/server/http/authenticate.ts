import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfTokenFor, type AuthService } from '../auth/auth.service.js';
import { AppError } from './errors.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'rolo_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** An onRequest hook that resolves the caller from a Bearer API key or a session cookie (with CSRF check on writes). */
export function authenticate(auth: AuthService) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.principal = null;
    const header = request.headers.authorization;
    if (header) {
      const [scheme, key] = header.split(' ');
      request.principal =
        scheme?.toLowerCase() === 'bearer' && key ? await auth.principalFromApiKey(key) : null;
      if (!request.principal) throw new AppError('unauthenticated', 401, 'The API key is invalid or revoked');
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      request.principal = await auth.principalFromSession(cookie);
      if (
        request.principal &&
        !SAFE_METHODS.has(request.method) &&
        request.headers['x-csrf-token'] !== csrfTokenFor(cookie)
      ) {
        throw new AppError('csrf_failed', 403, 'Missing or wrong X-CSRF-Token header for a signed-in write');
      }
    }
    if (!request.principal && !request.routeOptions.config.public) {
      throw new AppError(
        'unauthenticated',
        401,
        cookie
          ? 'Your session has expired; sign in again'
          : 'Sign in or send an API key as Authorization: Bearer',
      );
    }
  };
}
