import type { FastifyReply, FastifyRequest } from 'fastify';
import { emulatedError } from './emulator-errors.js';
import type { InboundInput, InboundResult } from './emulator-inbound.js';
import type { BusinessNumber } from './emulator-notifications.js';
import type { EmulatorState } from './emulator-state.js';
import type { WebhookSender } from './emulator-webhooks.js';

/** What the emulator's routes share: its credentials, state, webhook sender and inbound simulator. */
export interface EmulatorContext {
  accessToken: string;
  business: BusinessNumber;
  state: EmulatorState;
  webhooks: WebhookSender;
  simulateInbound: (input: InboundInput) => Promise<InboundResult>;
  log: (line: string) => void;
}

const VERSION = /^v\d+\.\d+$/;

/** Answers with the Graph API error for `code`. */
export function sendGraphError(reply: FastifyReply, code: number, details?: string): FastifyReply {
  const { status, body } = emulatedError(code, details);
  return reply.code(status).send(body);
}

/** The error the Graph API gives for an id that is not this business's. */
export function unknownObject(reply: FastifyReply, method: 'get' | 'post', id: string): FastifyReply {
  return sendGraphError(
    reply,
    100,
    `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  );
}

/** Checks the version path segment and the bearer token; answers with the Graph error and returns false when wrong. */
export function admitGraphCall(
  request: FastifyRequest<{ Params: { version: string } }>,
  reply: FastifyReply,
  context: EmulatorContext,
): boolean {
  if (!VERSION.test(request.params.version)) {
    sendGraphError(reply, 100, `Unknown version '${request.params.version}': use a path such as /v23.0/…`);
    return false;
  }
  return admitBearer(request, reply, context);
}

/** Checks `Authorization: Bearer <accessToken>`; answers 401 with error 190 and returns false when wrong. */
export function admitBearer(request: FastifyRequest, reply: FastifyReply, context: EmulatorContext): boolean {
  if (request.headers.authorization === `Bearer ${context.accessToken}`) return true;
  const details = request.headers.authorization
    ? 'Cannot parse access token'
    : 'An access token is required: send Authorization: Bearer <token>';
  sendGraphError(reply, 190, details);
  return false;
}
