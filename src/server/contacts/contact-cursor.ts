import { invalidField } from '../http/errors.js';
import type { ContactKeyset } from './contacts.repository.js';

/** Encodes the position after a row as an opaque cursor bound to one sort order. */
export function encodeCursor(sort: string, keyset: ContactKeyset): string {
  return Buffer.from(JSON.stringify([sort, keyset.value, keyset.id])).toString('base64url');
}

/** Decodes a cursor; 400 when it is malformed or was made for another sort order. */
export function decodeCursor(sort: string, cursor: string): ContactKeyset {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === sort && typeof parsed[2] === 'string') {
      const [, value, id] = parsed as [string, unknown, string];
      if (value === null || typeof value === 'string') return { value, id };
    }
  } catch {
    throw invalidField('cursor', 'is not a cursor this list returned');
  }
  throw invalidField('cursor', 'belongs to another sort order or is malformed');
}
