/** The WhatsApp settings the server's environment gives: the first workspace's channel and fallback secrets. */
export interface WhatsAppEnvironment {
  appSecret?: string | undefined;
  verifyToken?: string | undefined;
  phoneNumberId?: string | undefined;
  displayNumber?: string | undefined;
  accessToken?: string | undefined;
  graphUrl?: string | undefined;
  wabaId?: string | undefined;
}

/** Where the Graph API lives, and the version spoken to it, unless a channel says otherwise. */
export const GRAPH_DEFAULTS = { url: 'https://graph.facebook.com', version: 'v21.0' } as const;

/** Reads the WHATSAPP_* variables. */
export function whatsappEnvironmentOf(env: NodeJS.ProcessEnv): WhatsAppEnvironment {
  const read = (name: string) => env[name]?.trim() || undefined;
  return {
    appSecret: read('WHATSAPP_APP_SECRET'),
    verifyToken: read('WHATSAPP_VERIFY_TOKEN'),
    phoneNumberId: read('WHATSAPP_PHONE_NUMBER_ID'),
    displayNumber: read('WHATSAPP_DISPLAY_NUMBER'),
    accessToken: read('WHATSAPP_ACCESS_TOKEN'),
    graphUrl: read('WHATSAPP_GRAPH_URL'),
    wabaId: read('WHATSAPP_WABA_ID'),
  };
}
