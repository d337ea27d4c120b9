import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfTokenFor, type AuthService } from '../auth/auth.service.js';
import { AppError } from './errors.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'rolo_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Attributes of the session cookie: unreadable by scripts, never sent by other sites, HTTPS-only when served over HTTPS. */
export function sessionCookieOptions(expiresAt: string, secure: boolean): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure, expires: new Date(expiresAt) };
}

/**
 * An onRequest hook that resolves the caller from a Bearer API key or a session cookie: writes with a
 * cookie need the session's X-CSRF-Token, and an extended session gets its cookie renewed. Public
 * routes (sign-in, sign-out) are left alone.
 */
export function authenticate(auth: AuthService) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    request.principal = null;
    if (request.routeOptions.config.public) return;
    const header = request.headers.authorization;
    if (header) {
      const [scheme, key] = header.split(' ');
      request.principal =
        scheme?.toLowerCase() === 'bearer' && key ? await auth.principalFromApiKey(key) : null;
      if (!request.principal) throw new AppError('unauthenticated', 401, 'The API key is invalid or revoked');
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    const session = cookie ? await auth.principalFromSession(cookie) : null;
    if (!cookie || !session) {
      throw new AppError(
        'unauthenticated',
        401,
        cookie
          ? 'Your session has expired; sign in again'
          : 'Sign in or send an API key as Authorization: Bearer',
      );
    }
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== csrfTokenFor(cookie)) {
      throw new AppError('csrf_failed', 403, 'Missing or wrong X-CSRF-Token header for a signed-in write');
    }
    request.principal = session.principal;
    if (session.renewedUntil)
      void reply.setCookie(
        SESSION_COOKIE,
        cookie,
        sessionCookieOptions(session.renewedUntil, request.protocol === 'https'),
      );
  };
}
