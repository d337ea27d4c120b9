import type { FastifyInstance } from 'fastify';
import { admitGraphCall, sendGraphError, unknownObject, type EmulatorContext } from './emulator-context.js';
import { newMessageId } from './emulator-ids.js';
import { statusNotification, type MessageStatus } from './emulator-notifications.js';
import { checkSendRules } from './emulator-send-rules.js';
import { parseSendRequest } from './emulator-send-validation.js';

/** Numbers starting with 999 are accepted, then fail as undeliverable. */
const UNDELIVERABLE_PREFIX = '999';

/**
 * `POST /{version}/{phoneNumberId}/messages`: sends and mark-read. An accepted message gets status webhooks
 * sent → delivered → read (read always follows, as if the customer opened every message), or `failed` with
 * 131026 for numbers starting with 999.
 */
export function registerMessagesRoute(app: FastifyInstance, context: EmulatorContext): void {
  const { business, state, webhooks } = context;
  app.post<{ Params: { version: string; phoneNumberId: string } }>(
    '/:version/:phoneNumberId/messages',
    async (request, reply) => {
      if (!admitGraphCall(request, reply, context)) return reply;
      if (request.params.phoneNumberId !== business.phoneNumberId)
        return unknownObject(reply, 'post', request.params.phoneNumberId);
      const parsed = parseSendRequest(request.body);
      if (!parsed.ok) return sendGraphError(reply, parsed.code, parsed.details);
      const send = parsed.request;
      if (send.kind === 'read') return { success: true };
      const failure = state.takeFailure();
      if (failure !== undefined) return sendGraphError(reply, failure);
      const broken = checkSendRules(send, state);
      if (broken) return sendGraphError(reply, broken.code, broken.details);

      const id = newMessageId();
      state.recordSent({
        id,
        to: send.waId,
        type: send.kind,
        ...(send.kind === 'text'
          ? { text: send.body, ...(send.replyTo ? { replyTo: send.replyTo } : {}) }
          : { template: { name: send.name, language: send.language, parameters: send.parameters } }),
        at: new Date().toISOString(),
      });
      context.log(`sent ${send.kind} ${id} to +${send.waId}`);
      const undeliverable = send.waId.startsWith(UNDELIVERABLE_PREFIX);
      const statuses: MessageStatus[] = undeliverable ? ['failed'] : ['sent', 'delivered', 'read'];
      webhooks.postInTurn(
        statuses.map((status) =>
          statusNotification(business, {
            messageId: id,
            recipientId: send.waId,
            status,
            ...(undeliverable ? { errorCode: 131026 } : {}),
          }),
        ),
        `the statuses of ${id}`,
      );
      return {
        messaging_product: 'whatsapp',
        contacts: [{ input: send.to, wa_id: send.waId }],
        messages: [{ id, message_status: 'accepted' }],
      };
    },
  );
}
