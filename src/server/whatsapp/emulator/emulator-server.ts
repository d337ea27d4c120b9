import Fastify from 'fastify';
import { registerControlRoutes } from './emulator-control-routes.js';
import { sendGraphError, type EmulatorContext } from './emulator-context.js';
import { EMULATOR_DEFAULTS } from './emulator-defaults.js';
import { createInboundSimulator, type InboundInput, type InboundResult } from './emulator-inbound.js';
import { registerMessagesRoute } from './emulator-messages-route.js';
import { registerReadRoutes } from './emulator-read-routes.js';
import { EmulatorState } from './emulator-state.js';
import { WebhookSender } from './emulator-webhooks.js';

/** How to run the emulator: where to listen, the channel's credentials, and where to send webhooks. */
export interface WhatsAppEmulatorOptions {
  /** 0 (the default) picks any free port. */
  port?: number;
  host?: '127.0.0.1';
  accessToken: string;
  appSecret: string;
  phoneNumberId: string;
  displayNumber: string;
  wabaId: string;
  /** Where signed status and inbound notifications are posted; none are sent without it. */
  webhookUrl?: string;
  /** Time before each status webhook of a sent message (default 200). */
  statusDelayMs?: number;
  /** The Graph version callers are told to use (any `vN.N` path is served). */
  version?: string;
  /** Receives one line per message sent or received and per webhook problem (default: silent). */
  log?: (line: string) => void;
}

/** A running emulator. */
export interface WhatsAppEmulator {
  /** e.g. `http://127.0.0.1:3900`: use it as the Graph URL. */
  url: string;
  version: string;
  state: EmulatorState;
  /** Plays a customer writing in; resolves to the message id and the webhook's HTTP status (0 without a webhook). */
  simulateInbound(input: InboundInput): Promise<InboundResult>;
  /** Makes the next `times` (default 1) message sends fail with Graph error `code`. */
  failNext(code: number, times?: number): void;
  /** Cancels pending webhooks and stops listening. */
  stop(): Promise<void>;
}

/** Starts a local WhatsApp Cloud API emulator on loopback. */
export async function startWhatsAppEmulator(options: WhatsAppEmulatorOptions): Promise<WhatsAppEmulator> {
  const log = options.log ?? (() => undefined);
  const state = new EmulatorState();
  const business = {
    wabaId: options.wabaId,
    phoneNumberId: options.phoneNumberId,
    displayNumber: options.displayNumber,
  };
  const webhooks = new WebhookSender({
    url: options.webhookUrl,
    appSecret: options.appSecret,
    statusDelayMs: options.statusDelayMs ?? EMULATOR_DEFAULTS.statusDelayMs,
    log,
  });
  const simulateInbound = createInboundSimulator({ state, webhooks, business, log });
  const context: EmulatorContext = {
    accessToken: options.accessToken,
    business,
    state,
    webhooks,
    simulateInbound,
    log,
  };

  const app = Fastify({ logger: false });
  app.setErrorHandler((error, _request, reply) => sendGraphError(reply, 100, (error as Error).message));
  app.setNotFoundHandler((request, reply) =>
    sendGraphError(reply, 100, `Unknown path components: ${request.method} ${request.url}`),
  );
  registerMessagesRoute(app, context);
  registerReadRoutes(app, context);
  registerControlRoutes(app, context);
  const url = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });

  return {
    url,
    version: options.version ?? EMULATOR_DEFAULTS.version,
    state,
    simulateInbound,
    failNext: (code, times = 1) => state.failNext(code, times),
    stop: async () => {
      await webhooks.stop();
      await app.close();
    },
  };
}
