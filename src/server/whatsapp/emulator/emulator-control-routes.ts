import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from './emulator-context.js';
import { InboundInputError } from './emulator-inbound.js';

const inboundSchema = z.union([
  z.object({ from: z.string(), name: z.string().min(1).optional(), text: z.string().min(1) }),
  z.object({
    from: z.string(),
    name: z.string().min(1).optional(),
    message: z.record(z.string(), z.unknown()),
  }),
]);

/**
 * The emulator's own endpoints, to play a customer and see what was sent: `POST /_emulator/inbound`
 * (`{from, name?, text}` or `{from, name?, message}`) and `GET /_emulator/messages`.
 */
export function registerControlRoutes(app: FastifyInstance, context: EmulatorContext): void {
  app.post('/_emulator/inbound', async (request, reply) => {
    const parsed = inboundSchema.safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send({ error: 'Send {"from": "+5511987654321", "name": "Ana", "text": "Hi"}' });
    try {
      return await context.simulateInbound(parsed.data);
    } catch (error) {
      const message = (error as Error).message;
      return reply.code(error instanceof InboundInputError ? 400 : 502).send({ error: message });
    }
  });

  app.get('/_emulator/messages', async () => context.state.sentMessages());
}
