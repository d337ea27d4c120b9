import { z } from 'zod';
import { apiKeyCreateSchema, apiKeySchema, loginSchema, sessionSchema } from '../../shared/auth-schemas.js';
import { idParams, principalOf, type ApiInstance } from '../http/api-instance.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../http/authenticate.js';
import { AppError } from '../http/errors.js';
import type { Services } from '../services.js';
import { csrfTokenFor } from './auth.service.js';

/** Sign-in, sign-out, the current session, and API keys. */
export function registerAuthRoutes(api: ApiInstance, services: Services): void {
  const { auth, users, workspaces } = services;
  api.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['Auth'],
        summary: 'Sign in; sets the session cookie',
        body: loginSchema,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const session = await auth.login(request.body, request.ip);
      void reply.setCookie(
        SESSION_COOKIE,
        session.cookie,
        sessionCookieOptions(session.expiresAt, request.protocol === 'https'),
      );
      return {
        user: session.user,
        workspace: await workspaces.getWorkspace(session.workspaceId),
        csrfToken: csrfTokenFor(session.cookie),
      };
    },
  );

  api.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags: ['Auth'], summary: 'Sign out' } },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await auth.logout(cookie);
      return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send();
    },
  );

  api.get(
    '/auth/session',
    {
      schema: {
        tags: ['Auth'],
        summary: 'The signed-in user and workspace',
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const cookie = request.cookies[SESSION_COOKIE];
      if (principal.kind !== 'user' || !principal.userId || !cookie) {
        throw new AppError(
          'unauthenticated',
          401,
          'This endpoint is for browser sessions; API keys have no session',
        );
      }
      return {
        user: await users.getUser(principal.workspaceId, principal.userId),
        workspace: await workspaces.getWorkspace(principal.workspaceId),
        csrfToken: csrfTokenFor(cookie),
      };
    },
  );

  api.get(
    '/api-keys',
    {
      schema: {
        tags: ['API keys'],
        summary: 'List API keys (admin)',
        response: { 200: z.object({ data: z.array(apiKeySchema) }) },
      },
    },
    async (request) => ({ data: await auth.listApiKeys(principalOf(request)) }),
  );
  api.post(
    '/api-keys',
    {
      schema: {
        tags: ['API keys'],
        summary: 'Create an API key (admin); the key is shown only in this response',
        body: apiKeyCreateSchema,
        response: { 201: z.object({ apiKey: apiKeySchema, key: z.string() }) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      return reply.status(201).send(await auth.createApiKey(principal.workspaceId, request.body, principal));
    },
  );
  api.delete(
    '/api-keys/:id',
    { schema: { tags: ['API keys'], summary: 'Revoke an API key (admin)', params: idParams } },
    async (request, reply) => {
      await auth.revokeApiKey(principalOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
