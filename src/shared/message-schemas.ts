import { z } from 'zod';
import { contactSchema } from './contact-schemas.js';

/** Delivery states of a message: inbound ones are `received`; outbound ones move pending → sent → delivered → read, or to failed. */
export const MESSAGE_STATUSES = ['received', 'pending', 'sent', 'delivered', 'read', 'failed'] as const;

/** One WhatsApp message as the API returns it. */
export const messageSchema = z.object({
  id: z.string(),
  waMessageId: z.string(),
  conversationId: z.string(),
  direction: z.enum(['in', 'out']),
  /** WhatsApp's type: text, image, video, audio, document, sticker, location, contacts, interactive, button, reaction, unsupported… */
  type: z.string(),
  /** The text, caption, button title or emoji; null when the message has none. */
  body: z.string().nullable(),
  /** The type's own object (media id and mime type, location, referral, context…), as WhatsApp sent it. */
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(MESSAGE_STATUSES),
  statusAt: z.string(),
  errorCode: z.number().nullable(),
  /** Why a message failed, in words for the agent. */
  errorMessage: z.string().nullable(),
  replyTo: z.string().nullable(),
  sentBy: z.string().nullable(),
  sentAt: z.string(),
});

/** An approved template's parameters, filled in by the agent. */
export const templateInputSchema = z
  .object({
    name: z.string().trim().min(1).max(512),
    language: z.string().trim().min(2).max(15),
    parameters: z.array(z.string().trim().min(1).max(1024)).max(20).default([]),
  })
  .strict();

/** Sending a message to a contact: free text inside the 24-hour window, otherwise a template. */
export const sendMessageSchema = z.union([
  z.object({ text: z.string().trim().min(1).max(4096) }).strict(),
  z.object({ template: templateInputSchema }).strict(),
]);

/** Starting a conversation: a phone number in any format (a new number becomes a contact) or a contact, and a message. */
export const startConversationSchema = z
  .object({
    phone: z.string().trim().min(3).max(40).optional(),
    contactId: z.string().max(100).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    text: z.string().trim().min(1).max(4096).optional(),
    template: templateInputSchema.optional(),
  })
  .strict()
  .refine((v) => Boolean(v.phone) !== Boolean(v.contactId), {
    message: 'give either a phone or a contactId',
    path: ['phone'],
  })
  .refine((v) => Boolean(v.text) !== Boolean(v.template), {
    message: 'give either a text or a template',
    path: ['text'],
  });

/** What starting a conversation did. */
export const startedConversationSchema = z.object({
  contact: contactSchema,
  createdContact: z.boolean(),
  message: messageSchema,
});

/** A message template the channel offers. */
export const templateSchema = z.object({
  name: z.string(),
  language: z.string(),
  category: z.string(),
  status: z.string(),
  body: z.string(),
  parameterCount: z.number(),
});

/** Conversation statistics of one contact. */
export const contactConversationStatsSchema = z.object({
  firstContactAt: z.string().nullable(),
  lastInboundAt: z.string().nullable(),
  lastOutboundAt: z.string().nullable(),
  conversationCount: z.number(),
  messagesIn: z.number(),
  messagesOut: z.number(),
  /** Median time from a customer's first message in a conversation to the business's first answer. */
  medianFirstResponseSeconds: z.number().nullable(),
  /** Share of conversations the customer opened that got an answer (0–1); null when there are none. */
  responseRate: z.number().nullable(),
  window: z.object({ open: z.boolean(), expiresAt: z.string().nullable() }),
});

/** Workspace statistics over a period, day by day (UTC days, `YYYY-MM-DD`). */
export const workspaceStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  newContactsPerDay: z.array(z.object({ day: z.string(), source: z.string(), count: z.number() })),
  conversationsPerDay: z.array(z.object({ day: z.string(), count: z.number() })),
  messagesPerDay: z.array(z.object({ day: z.string(), inbound: z.number(), outbound: z.number() })),
  responseTimes: z.object({
    medianFirstResponseSeconds: z.number().nullable(),
    p90FirstResponseSeconds: z.number().nullable(),
    responseRate: z.number().nullable(),
  }),
  totals: z.object({
    newContacts: z.number(),
    conversations: z.number(),
    messagesIn: z.number(),
    messagesOut: z.number(),
  }),
});

/** Playing a customer who writes in (only while the local Cloud API emulator runs). */
export const simulateInboundSchema = z
  .object({
    from: z.string().trim().min(3).max(40),
    name: z.string().trim().min(1).max(100).optional(),
    text: z.string().trim().min(1).max(4096),
  })
  .strict();

/** A message. */
export type Message = z.infer<typeof messageSchema>;
/** A template the channel offers. */
export type Template = z.infer<typeof templateSchema>;
/** Conversation statistics of one contact. */
export type ContactConversationStats = z.infer<typeof contactConversationStatsSchema>;
/** Workspace statistics. */
export type WorkspaceStats = z.infer<typeof workspaceStatsSchema>;
