import { z } from 'zod';

/** Words that, sent alone, stop WhatsApp marketing messages (compared without case, accents or end punctuation). */
export const DEFAULT_OPT_OUT_KEYWORDS = [
  'STOP',
  'STOP ALL',
  'UNSUBSCRIBE',
  'END',
  'QUIT',
  'PARAR',
  'SAIR',
  'BAJA',
  'ALTO',
  'ARRÊT',
  'DÉSABONNER',
  'STOPP',
  'ABMELDEN',
  'DISISCRIVIMI',
] as const;

/** Words that, sent alone, subscribe a customer to WhatsApp marketing messages again. */
export const DEFAULT_OPT_IN_KEYWORDS = [
  'START',
  'UNSTOP',
  'SUBSCRIBE',
  'ALTA',
  'VOLTAR',
  'COMENZAR',
  'DÉMARRER',
] as const;

const keywordList = z.array(z.string().trim().min(1).max(40)).max(50);

/** Connecting or changing the workspace's WhatsApp number; secrets are write-only, `null` clears one. */
export const channelSettingsInputSchema = z
  .object({
    phoneNumberId: z
      .string()
      .trim()
      .regex(/^\d{5,20}$/, 'must be the numeric phone number id from Meta'),
    displayNumber: z.string().trim().min(3).max(30),
    wabaId: z
      .string()
      .trim()
      .regex(/^\d{5,20}$/, 'must be the numeric WhatsApp Business Account id')
      .nullable()
      .optional(),
    graphUrl: z.url({ protocol: /^https?$/ }).optional(),
    graphVersion: z
      .string()
      .regex(/^v\d+\.\d+$/, 'must look like v21.0')
      .optional(),
    accessToken: z.string().trim().min(1).max(1000).nullable().optional(),
    appSecret: z.string().trim().min(1).max(200).nullable().optional(),
    verifyToken: z.string().trim().min(1).max(200).nullable().optional(),
    optOutKeywords: keywordList.optional(),
    optInKeywords: keywordList.optional(),
  })
  .strict();

/** The workspace's WhatsApp number as the API shows it: secrets only say whether they are set. */
export const channelSchema = z.object({
  id: z.string(),
  phoneNumberId: z.string(),
  displayNumber: z.string(),
  wabaId: z.string().nullable(),
  graphUrl: z.string(),
  graphVersion: z.string(),
  accessTokenSet: z.boolean(),
  appSecretSet: z.boolean(),
  verifyTokenSet: z.boolean(),
  optOutKeywords: z.array(z.string()),
  optInKeywords: z.array(z.string()),
  updatedAt: z.string(),
});

/** The channel settings page: the channel (null when none is connected) and where Meta must send webhooks. */
export const channelStateSchema = z.object({
  channel: channelSchema.nullable(),
  webhookPath: z.string(),
  /** Secrets the server's environment provides for every channel that sets none. */
  environment: z.object({ appSecret: z.boolean(), verifyToken: z.boolean() }),
});

/** A connected WhatsApp number. */
export type Channel = z.infer<typeof channelSchema>;
/** The channel settings page. */
export type ChannelState = z.infer<typeof channelStateSchema>;
/** Connecting or changing the channel. */
export type ChannelSettingsInput = z.infer<typeof channelSettingsInputSchema>;
