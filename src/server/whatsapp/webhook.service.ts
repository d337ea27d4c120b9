import { nowIso } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { UnitOfWork } from '../db/repositories.js';
import type { WebhookInboxTable } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { ChannelsService } from './channels.service.js';
import { notificationEnvelopeSchema } from './inbound-notification.js';
import { signingSecretOf } from './webhook-signature.js';

/** Most notifications written by one statement (SQLite allows 32,766 bound values; a row has 11). */
const MAX_GROUP = 200;

/** A notification waiting to be written, and the request waiting for it. */
interface Queued {
  row: WebhookInboxTable;
  kept: () => void;
  failed: (error: unknown) => void;
}

/** Receives WhatsApp webhooks: checks them, keeps them in the inbox, and wakes the processor. */
export class WhatsAppWebhookService {
  private readonly listeners = new Set<() => void>();
  private queued: Queued[] = [];

  constructor(
    private readonly uow: UnitOfWork,
    private readonly channels: ChannelsService,
  ) {}

  /** Calls `listener` after each notification is kept (the processor wakes up). */
  onReceived(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Answers Meta's verification handshake: the challenge when the mode and token are right, null otherwise. */
  async verifySubscription(mode: unknown, token: unknown, challenge: unknown): Promise<string | null> {
    if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string') return null;
    return (await this.channels.acceptsVerifyToken(token)) ? challenge : null;
  }

  /**
   * Keeps a notification once its signature is checked over the raw bytes (401 otherwise, nothing kept) and it
   * reads as JSON with the notification envelope (400 otherwise). It is processed after the answer.
   */
  async receive(raw: Buffer, signature: string | undefined): Promise<void> {
    const verifiedBy = signingSecretOf(raw, signature, await this.channels.signingSecrets());
    if (!verifiedBy)
      throw new AppError(
        'unauthenticated',
        401,
        'The X-Hub-Signature-256 header is missing or does not match',
      );
    const text = raw.toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError('validation_failed', 400, 'The body is not valid JSON');
    }
    if (!notificationEnvelopeSchema.safeParse(body).success)
      throw new AppError(
        'validation_failed',
        400,
        'The body is not a WhatsApp notification (object and entry[])',
      );
    await this.keep({
      id: newId(),
      source: 'whatsapp',
      verified_by: verifiedBy,
      body: text,
      state: 'pending',
      attempts: 0,
      error: null,
      lease_until: null,
      locked_by: null,
      received_at: nowIso(),
      processed_at: null,
    });
    for (const listener of this.listeners) listener();
  }

  /**
   * Writes a notification together with the others received in the same turn of the event loop: one statement and
   * one commit for all of them, and each request is answered only once it is durable. Resolves when it is written.
   */
  private keep(row: WebhookInboxTable): Promise<void> {
    return new Promise((kept, failed) => {
      this.queued.push({ row, kept, failed });
      if (this.queued.length === 1) setImmediate(() => this.write());
      else if (this.queued.length >= MAX_GROUP) this.write();
    });
  }

  private write(): void {
    const group = this.queued;
    if (group.length === 0) return;
    this.queued = [];
    this.uow.repos.inbox.insert(group.map((q) => q.row)).then(
      () => group.forEach((q) => q.kept()),
      (error: unknown) => group.forEach((q) => q.failed(error)),
    );
  }
}
