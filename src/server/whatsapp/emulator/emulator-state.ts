import { createHash, randomBytes } from 'node:crypto';
import { newNumericId } from './emulator-ids.js';

/** A message the emulator accepted, as `GET /_emulator/messages` lists it. */
export interface EmulatorSentMessage {
  id: string;
  /** The recipient's WhatsApp id: their number's digits, without `+`. */
  to: string;
  type: 'text' | 'template';
  text?: string;
  template?: { name: string; language: string; parameters: string[] };
  /** The message it replies to, when it was sent with `context`. */
  replyTo?: string;
  /** ISO-8601 time it was accepted. */
  at: string;
}

/** A media file handed out in a simulated inbound message. */
export interface EmulatorMedia {
  id: string;
  mimeType: string;
  sha256: string;
  bytes: Buffer;
}

const WINDOW_MS = 24 * 60 * 60 * 1000;

/** Everything the emulator remembers: sent messages, customer windows, media and queued failures. */
export class EmulatorState {
  private readonly sent: EmulatorSentMessage[] = [];
  private readonly lastInboundAt = new Map<string, number>();
  private readonly media = new Map<string, EmulatorMedia>();
  private readonly failures: number[] = [];

  /** Remembers an accepted message. */
  recordSent(message: EmulatorSentMessage): void {
    this.sent.push(message);
  }

  /** The accepted messages, oldest first. */
  sentMessages(): readonly EmulatorSentMessage[] {
    return this.sent;
  }

  /** Notes that the customer `waId` wrote at `at`, which opens their 24-hour window. */
  recordInbound(waId: string, at = Date.now()): void {
    this.lastInboundAt.set(waId, at);
  }

  /** Whether the customer `waId` wrote in the 24 hours before `at`. */
  windowOpen(waId: string, at = Date.now()): boolean {
    const last = this.lastInboundAt.get(waId);
    return last !== undefined && at - last < WINDOW_MS;
  }

  /** Makes the next `times` sends fail with `code`. */
  failNext(code: number, times = 1): void {
    for (let i = 0; i < times; i += 1) this.failures.push(code);
  }

  /** The code the next send must fail with, if a failure is queued (and takes it off the queue). */
  takeFailure(): number | undefined {
    return this.failures.shift();
  }

  /** Registers a media file with made-up content of this type (under `id` when given). */
  addMedia(mimeType: string, id = newNumericId()): EmulatorMedia {
    const bytes = randomBytes(2048);
    const media = { id, mimeType, sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
    this.media.set(id, media);
    return media;
  }

  /** The media file with this id, if the emulator handed it out. */
  findMedia(id: string): EmulatorMedia | undefined {
    return this.media.get(id);
  }
}
