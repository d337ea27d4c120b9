/** Channels consent is recorded for. */
export const CONSENT_CHANNELS = ['whatsapp', 'email', 'sms'] as const;
/** Purposes consent is recorded for (WhatsApp's template categories). */
export const CONSENT_PURPOSES = ['marketing', 'utility', 'authentication'] as const;
