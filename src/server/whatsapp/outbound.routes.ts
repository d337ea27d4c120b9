import { z } from 'zod';
import {
  messageSchema,
  sendMessageSchema,
  simulateInboundSchema,
  startConversationSchema,
  startedConversationSchema,
  templateSchema,
} from '../../shared/message-schemas.js';
import { idParams, pageOf, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

const tags = ['WhatsApp'];
const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().max(200).optional(),
});

/** Conversations with customers: messages of a contact, replies, templates, new conversations, the simulator. */
export function registerOutboundRoutes(api: ApiInstance, { outbound, simulator }: Services): void {
  api.get(
    '/whatsapp/templates',
    {
      schema: {
        tags,
        summary: 'Approved message templates of the connected number',
        response: { 200: z.object({ data: z.array(templateSchema) }) },
      },
    },
    async (request) => ({ data: await outbound.listTemplates(principalOf(request).workspaceId) }),
  );
  api.get(
    '/contacts/:id/messages',
    {
      schema: {
        tags,
        summary: "A contact's WhatsApp messages, newest first",
        params: idParams,
        querystring: pageQuery,
        response: { 200: pageOf(messageSchema) },
      },
    },
    async (request) =>
      outbound.listMessages(
        principalOf(request).workspaceId,
        request.params.id,
        request.query.limit,
        request.query.cursor,
      ),
  );
  api.post(
    '/contacts/:id/messages',
    {
      schema: {
        tags,
        summary: 'Send a contact a text (inside the 24-hour window) or an approved template',
        params: idParams,
        body: sendMessageSchema,
        response: { 201: messageSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await outbound.sendToContact(principalOf(request), request.params.id, request.body)),
  );
  api.post(
    '/conversations',
    {
      schema: {
        tags,
        summary: 'Start a conversation with a phone number (a new one becomes a contact) or a contact',
        body: startConversationSchema,
        response: { 201: startedConversationSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await outbound.startConversation(principalOf(request), request.body)),
  );
  api.get(
    '/whatsapp/simulator',
    {
      schema: {
        tags,
        summary: 'Whether customers can be played (the local emulator runs with the server)',
        response: { 200: z.object({ available: z.boolean() }) },
      },
    },
    async () => ({ available: simulator.available }),
  );
  api.post(
    '/whatsapp/simulator/messages',
    {
      schema: {
        tags,
        summary: 'Play a customer writing in, through the local emulator and the real webhook',
        body: simulateInboundSchema,
        response: { 202: z.object({ messageId: z.string() }) },
      },
    },
    async (request, reply) => reply.status(202).send(await simulator.simulate(request.body)),
  );
}
