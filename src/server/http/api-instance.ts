import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import { AppError } from './errors.js';

/** The Fastify instance API routes are registered on: zod schemas type requests and responses. */
export type ApiInstance = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without signing in. */
    public?: boolean;
  }
}

/** The caller of an authenticated route. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal)
    throw new AppError('unauthenticated', 401, 'Sign in or send an API key as Authorization: Bearer');
  return request.principal;
}

/** Path parameter `id`. */
export const idParams = z.object({ id: z.string().min(1).max(100) });

/** A page of items with the cursor of the next page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}
