/**
 * Development credentials shared by the emulator and a Rolo pointed at it; each can be overridden by
 * WHATSAPP_ACCESS_TOKEN, WHATSAPP_APP_SECRET, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_DISPLAY_NUMBER and WHATSAPP_WABA_ID.
 */
export const EMULATOR_DEFAULTS = {
  accessToken: 'dev-access-token',
  appSecret: 'dev-app-secret',
  phoneNumberId: '106540352242922',
  displayNumber: '15550783881',
  wabaId: '102290129340398',
  version: 'v23.0',
  port: 3900,
  webhookUrl: 'http://127.0.0.1:3000/webhooks/whatsapp',
  statusDelayMs: 200,
} as const;
