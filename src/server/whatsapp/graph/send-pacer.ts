/** How fast a pacer lets sends through. */
export interface SendPacerOptions {
  /** Sends per second across all recipients (a token bucket holding one second's worth). */
  messagesPerSecond: number;
  /** Minimum time between two sends to the same recipient; 0 turns it off. */
  recipientGapMs: number;
  sleep: (ms: number) => Promise<void>;
}

const PRUNE_ABOVE = 1000;

/** Spaces sends: a token bucket per phone number plus a per-recipient minimum gap and back-off. */
export class SendPacer {
  private tokens: number;
  private refilledAt = performance.now();
  /** When each recipient may next be sent to (performance.now() milliseconds). */
  private readonly recipientReadyAt = new Map<string, number>();

  constructor(private readonly options: SendPacerOptions) {
    if (!(options.messagesPerSecond > 0)) throw new Error('messagesPerSecond must be greater than 0');
    this.tokens = options.messagesPerSecond;
  }

  /** Waits until a send to `recipient` is allowed, and takes its slot. */
  async acquire(recipient: string): Promise<void> {
    await this.options.sleep(this.reserveRecipient(recipient));
    await this.options.sleep(this.reserveToken());
  }

  /** Keeps `recipient` from being sent to for `ms` milliseconds (after the platform said to slow down). */
  holdRecipient(recipient: string, ms: number): void {
    const until = performance.now() + ms;
    this.recipientReadyAt.set(recipient, Math.max(until, this.recipientReadyAt.get(recipient) ?? 0));
  }

  private reserveRecipient(recipient: string): number {
    const now = performance.now();
    this.pruneRecipients(now);
    const readyAt = Math.max(now, this.recipientReadyAt.get(recipient) ?? 0);
    if (this.options.recipientGapMs > 0)
      this.recipientReadyAt.set(recipient, readyAt + this.options.recipientGapMs);
    return readyAt - now;
  }

  /** Takes a token, going into debt when none is left so that concurrent callers queue in order. */
  private reserveToken(): number {
    const now = performance.now();
    const rate = this.options.messagesPerSecond;
    this.tokens = Math.min(rate, this.tokens + ((now - this.refilledAt) / 1000) * rate);
    this.refilledAt = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : (-this.tokens / rate) * 1000;
  }

  private pruneRecipients(now: number): void {
    if (this.recipientReadyAt.size <= PRUNE_ABOVE) return;
    for (const [recipient, readyAt] of this.recipientReadyAt) {
      if (readyAt <= now) this.recipientReadyAt.delete(recipient);
    }
  }
}
