import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SigningSecret } from './channels.service.js';

const HEADER = /^sha256=([0-9a-f]{64})$/i;

/**
 * Which secret signed the raw body (`X-Hub-Signature-256: sha256=<hex HMAC-SHA256>`), compared in constant time;
 * null when the header is missing, malformed or matches none.
 */
export function signingSecretOf(
  raw: Buffer,
  header: string | undefined,
  secrets: SigningSecret[],
): string | null {
  const match = header ? HEADER.exec(header.trim()) : null;
  if (!match?.[1]) return null;
  const given = Buffer.from(match[1].toLowerCase(), 'hex');
  let found: string | null = null;
  for (const { key, secret } of secrets) {
    const expected = createHmac('sha256', secret).update(raw).digest();
    if (timingSafeEqual(expected, given) && found === null) found = key;
  }
  return found;
}

/** The header value Meta would send for a body (for the emulator and tests). */
export function signatureOf(raw: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}
