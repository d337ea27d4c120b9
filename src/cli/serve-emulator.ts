import { systemPrincipal } from '../server/auth/principal.js';
import type { Services } from '../server/services.js';
import { EMULATOR_DEFAULTS } from '../server/whatsapp/emulator/emulator-defaults.js';
import { startWhatsAppEmulator, type WhatsAppEmulator } from '../server/whatsapp/emulator/emulator-server.js';
import { WEBHOOK_PATH } from '../server/whatsapp/channels.service.js';

/**
 * Starts the local Cloud API emulator beside the server, connects the first workspace's WhatsApp channel to it when
 * none is connected, and lets agents play customers from Settings → WhatsApp.
 */
export async function startServerEmulator(
  services: Services,
  serverAddress: string,
): Promise<WhatsAppEmulator> {
  const emulator = await startWhatsAppEmulator({
    port: Number(process.env.ROLO_WA_EMULATOR_PORT ?? EMULATOR_DEFAULTS.port),
    accessToken: EMULATOR_DEFAULTS.accessToken,
    appSecret: EMULATOR_DEFAULTS.appSecret,
    phoneNumberId: EMULATOR_DEFAULTS.phoneNumberId,
    displayNumber: EMULATOR_DEFAULTS.displayNumber,
    wabaId: EMULATOR_DEFAULTS.wabaId,
    webhookUrl: `${serverAddress}${WEBHOOK_PATH}`,
  });
  const workspace = await services.workspaces.findDefaultWorkspace();
  if (workspace && !(await services.channels.getState(workspace.id)).channel)
    await services.channels.saveSettings(systemPrincipal(workspace.id), {
      phoneNumberId: EMULATOR_DEFAULTS.phoneNumberId,
      displayNumber: `+${EMULATOR_DEFAULTS.displayNumber}`,
      wabaId: EMULATOR_DEFAULTS.wabaId,
      graphUrl: emulator.url,
      graphVersion: EMULATOR_DEFAULTS.version,
      accessToken: EMULATOR_DEFAULTS.accessToken,
      appSecret: EMULATOR_DEFAULTS.appSecret,
      verifyToken: 'rolo-emulator',
    });
  services.simulator.attach(emulator);
  return emulator;
}
