import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.js';
import { WEBHOOK_PATH } from './channels.service.js';

/** `GET/POST /webhooks/whatsapp`: Meta's verification handshake and its notifications (raw body, signature first). */
export async function registerWhatsAppWebhook(
  app: FastifyInstance,
  { whatsappWebhook }: Services,
): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.get(WEBHOOK_PATH, { schema: { hide: true } }, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const challenge = await whatsappWebhook.verifySubscription(
        query['hub.mode'],
        query['hub.verify_token'],
        query['hub.challenge'],
      );
      if (challenge === null) return reply.status(403).type('text/plain').send('Verification failed');
      return reply.type('text/plain').send(challenge);
    });
    scope.post(WEBHOOK_PATH, { schema: { hide: true } }, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const header = request.headers['x-hub-signature-256'];
      await whatsappWebhook.receive(raw, Array.isArray(header) ? header[0] : header);
      return reply.status(200).send({ received: true });
    });
  });
}
