import { createHash, randomBytes } from 'node:crypto';

/** A random URL-safe secret with 256 bits of entropy. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 of a high-entropy secret, as stored in the database (never the secret itself). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
