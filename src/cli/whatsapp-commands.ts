import { InvalidArgumentError, type Command } from 'commander';
import { EMULATOR_DEFAULTS } from '../server/whatsapp/emulator/emulator-defaults.js';
import { startWhatsAppEmulator } from '../server/whatsapp/emulator/emulator-server.js';

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return port;
}

/** The emulated channel's credentials: the WHATSAPP_* environment, else the development defaults. */
function emulatorCredentials(env: NodeJS.ProcessEnv) {
  return {
    accessToken: env.WHATSAPP_ACCESS_TOKEN || EMULATOR_DEFAULTS.accessToken,
    appSecret: env.WHATSAPP_APP_SECRET || EMULATOR_DEFAULTS.appSecret,
    phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID || EMULATOR_DEFAULTS.phoneNumberId,
    displayNumber: env.WHATSAPP_DISPLAY_NUMBER || EMULATOR_DEFAULTS.displayNumber,
    wabaId: env.WHATSAPP_WABA_ID || EMULATOR_DEFAULTS.wabaId,
  };
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** wa-emulator (a local WhatsApp Cloud API) and wa-simulate (play a customer writing to it). */
export function registerWhatsAppCommands(program: Command): void {
  program
    .command('wa-emulator')
    .description(
      'run a local WhatsApp Cloud API emulator for development; credentials come from WHATSAPP_ACCESS_TOKEN, ' +
        'WHATSAPP_APP_SECRET, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_DISPLAY_NUMBER and WHATSAPP_WABA_ID ' +
        `(defaults: ${EMULATOR_DEFAULTS.accessToken}, ${EMULATOR_DEFAULTS.appSecret}, ` +
        `${EMULATOR_DEFAULTS.phoneNumberId}, ${EMULATOR_DEFAULTS.displayNumber}, ${EMULATOR_DEFAULTS.wabaId})`,
    )
    .option('--port <port>', 'port to listen on (0: any free port)', portNumber, EMULATOR_DEFAULTS.port)
    .option(
      '--webhook-url <url>',
      "where to post signed webhooks: Rolo's WhatsApp webhook",
      EMULATOR_DEFAULTS.webhookUrl,
    )
    .action(async (options: { port: number; webhookUrl: string }) => {
      const credentials = emulatorCredentials(process.env);
      const emulator = await startWhatsAppEmulator({
        ...credentials,
        port: options.port,
        webhookUrl: options.webhookUrl,
        log: (line) => console.log(line),
      });
      console.log(
        `WhatsApp Cloud API emulator at ${emulator.url}, posting webhooks to ${options.webhookUrl}`,
      );
      console.log('Point Rolo at it with:');
      console.log(`  WHATSAPP_GRAPH_URL=${emulator.url}`);
      console.log(`  WHATSAPP_ACCESS_TOKEN=${credentials.accessToken}`);
      console.log(`  WHATSAPP_APP_SECRET=${credentials.appSecret}`);
      console.log(`  WHATSAPP_PHONE_NUMBER_ID=${credentials.phoneNumberId}`);
      console.log(`  WHATSAPP_DISPLAY_NUMBER=${credentials.displayNumber}`);
      console.log(`  WHATSAPP_WABA_ID=${credentials.wabaId}`);
      console.log(
        `Play a customer: npx rolo wa-simulate --emulator ${emulator.url} --from +5511987654321 --name Ana --text "Hi"`,
      );
      console.log('Numbers starting with 999 fail as undeliverable. Ctrl-C stops the emulator.');
      await untilStopped();
      await emulator.stop();
    });

  program
    .command('wa-simulate')
    .description(
      'play a customer writing to the business: the emulator posts the message to Rolo as a webhook',
    )
    .requiredOption('--from <phone>', "the customer's number, e.g. +5511987654321")
    .option('--name <name>', "the customer's WhatsApp profile name")
    .requiredOption('--text <text>', 'what the customer writes')
    .option('--emulator <url>', "the emulator's URL", `http://127.0.0.1:${EMULATOR_DEFAULTS.port}`)
    .action(async (options: { from: string; name?: string; text: string; emulator: string }) => {
      const url = `${options.emulator.replace(/\/+$/, '')}/_emulator/inbound`;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ from: options.from, name: options.name, text: options.text }),
      }).catch((cause: unknown) => {
        throw new Error(`no emulator answers at ${options.emulator}: start one with npx rolo wa-emulator`, {
          cause,
        });
      });
      const answer = (await response.json().catch(() => ({}))) as {
        messageId?: string;
        status?: number;
        error?: string;
      };
      if (!response.ok) throw new Error(answer.error ?? `the emulator answered HTTP ${response.status}`);
      const webhook = answer.status
        ? `the webhook answered HTTP ${answer.status}`
        : 'the emulator has no webhook URL';
      console.log(`${options.from} wrote ${answer.messageId}; ${webhook}`);
    });
}
