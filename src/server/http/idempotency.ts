import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { nowIso } from '../clock.js';
import type { UnitOfWork } from '../db/repositories.js';
import { AppError } from './errors.js';

const KEY_PATTERN = /^[\w.:-]{1,200}$/;

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('base64url');
}

/** Hooks that make a POST with an Idempotency-Key return the first answer on every retry. */
export function idempotencyHooks(uow: UnitOfWork) {
  const repository = uow.repos.idempotency;
  return {
    /** preHandler: claims the key, or replays the stored answer. */
    async claim(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      request.idempotencyKey = null;
      const key = request.headers['idempotency-key'];
      if (request.method !== 'POST' || typeof key !== 'string' || !request.principal) return;
      if (!KEY_PATTERN.test(key))
        throw new AppError(
          'validation_failed',
          400,
          'Idempotency-Key must be 1–200 letters, digits, or . _ : -',
        );
      const { workspaceId, id: principalId } = request.principal;
      const hash = requestHash(request);
      const claimed = await repository.claim({
        workspace_id: workspaceId,
        principal_id: principalId,
        key,
        request_hash: hash,
        status_code: null,
        response_body: null,
        created_at: nowIso(),
      });
      if (claimed) {
        request.idempotencyKey = key;
        return;
      }
      const stored = await repository.find(workspaceId, principalId, key);
      if (!stored || stored.request_hash !== hash) {
        throw new AppError(
          'idempotency_key_reused',
          422,
          'This Idempotency-Key was used for a different request',
        );
      }
      if (stored.status_code === null || stored.response_body === null) {
        throw new AppError(
          'idempotency_in_progress',
          409,
          'A request with this Idempotency-Key is still being processed',
        );
      }
      await reply
        .status(stored.status_code)
        .header('idempotent-replayed', 'true')
        .type('application/json')
        .send(stored.response_body);
    },
    /** onSend: stores the first answer, or frees the key when the server failed. */
    async store(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
      const key = request.idempotencyKey;
      if (!key || !request.principal) return payload;
      const { workspaceId, id: principalId } = request.principal;
      if (reply.statusCode >= 500 || typeof payload !== 'string')
        await repository.release(workspaceId, principalId, key);
      else await repository.complete(workspaceId, principalId, key, reply.statusCode, payload);
      return payload;
    },
  };
}
