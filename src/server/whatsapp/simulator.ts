import type { z } from 'zod';
import type { simulateInboundSchema } from '../../shared/message-schemas.js';
import { AppError, notFound } from '../http/errors.js';
import type { InboundResult } from './emulator/emulator-inbound.js';
import { InboundInputError } from './emulator/emulator-inbound.js';

/** Something that can play a customer writing in: the local Cloud API emulator. */
export interface CustomerPlayer {
  simulateInbound(input: { from: string; name?: string; text: string }): Promise<InboundResult>;
}

/** Lets agents play a customer while the local emulator runs with the server (`rolo serve --wa-emulator`). */
export class WhatsAppSimulator {
  private player: CustomerPlayer | null = null;

  /** Connects the emulator started with the server. */
  attach(player: CustomerPlayer): void {
    this.player = player;
  }

  /** True while customers can be played. */
  get available(): boolean {
    return this.player !== null;
  }

  /** Sends a customer's message through the emulator, which posts it to the webhook like WhatsApp would. */
  async simulate(input: z.output<typeof simulateInboundSchema>): Promise<{ messageId: string }> {
    if (!this.player) throw notFound('WhatsApp simulator (start the server with --wa-emulator)');
    try {
      const result = await this.player.simulateInbound({
        from: input.from,
        text: input.text,
        ...(input.name ? { name: input.name } : {}),
      });
      return { messageId: result.messageId };
    } catch (error) {
      if (error instanceof InboundInputError)
        throw new AppError('validation_failed', 400, error.message, [
          { path: 'from', message: error.message },
        ]);
      throw error;
    }
  }
}
