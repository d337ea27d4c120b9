import { WINDOW_MS } from '../../shared/filter/standard-values.js';

/** The conversation a message joins, as far as placing it needs. */
export interface OpenConversation {
  id: string;
  expires_at: string;
  last_message_at: string;
}

/** Where a message goes: into the conversation still open at its time, or into a new one. */
export type Placement =
  | { join: true; conversationId: string; expiresAt: string; lastMessageAt: string }
  | { join: false; openedBy: 'customer' | 'business'; expiresAt: string };

const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/**
 * A conversation starts with a message sent while none is open, and stays open until 24 hours after the last
 * customer message in it (or, when the business opened it with a template, 24 hours after that template): each
 * customer message extends it, business messages do not.
 */
export function placeMessage(
  latest: OpenConversation | undefined,
  at: string,
  direction: 'in' | 'out',
): Placement {
  if (latest && Date.parse(at) < Date.parse(latest.expires_at)) {
    const extended = direction === 'in' ? plus(at, WINDOW_MS) : latest.expires_at;
    return {
      join: true,
      conversationId: latest.id,
      expiresAt: extended > latest.expires_at ? extended : latest.expires_at,
      lastMessageAt: at > latest.last_message_at ? at : latest.last_message_at,
    };
  }
  return {
    join: false,
    openedBy: direction === 'in' ? 'customer' : 'business',
    expiresAt: plus(at, WINDOW_MS),
  };
}
