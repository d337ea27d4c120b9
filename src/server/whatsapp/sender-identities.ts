import type { IdentityKey } from '../identities/identities.repository.js';
import { normalizePhone } from '../identities/normalize-phone.js';
import { phoneMatchKey } from '../identities/phone-match-key.js';
import type { WaMessage, WaSender } from './inbound-notification.js';

/** How a customer writing in is recognised, and what their profile says. */
export interface SenderIdentity {
  /** Identities to match and to give a new contact: phone, wa_id, business-scoped user id, username. */
  keys: IdentityKey[];
  /** E.164 of the wa_id, or null for a username-only sender. */
  phone: string | null;
  profileName: string | null;
}

/** The E.164 number of a wa_id (digits without +); an old Brazilian 8-digit or Mexican `521` id gives the number in use. */
export function phoneOfWaId(waId: string): string | null {
  const digits = waId.replace(/\D/g, '');
  if (digits.length < 6) return null;
  const raw = `+${digits}`;
  return normalizePhone(raw, 'US') ?? normalizePhone(phoneMatchKey(raw), 'US') ?? raw;
}

/** Reads who sent a message from the message and the notification's `contacts` entry. */
export function senderIdentityOf(message: WaMessage, sender: WaSender | undefined): SenderIdentity {
  const waId = (sender?.wa_id ?? message.from)?.replace(/\D/g, '') || null;
  const userId = sender?.user_id ?? message.from_user_id ?? null;
  const username = sender?.profile?.username?.trim().toLowerCase() || null;
  const phone = waId ? phoneOfWaId(waId) : null;
  const keys: IdentityKey[] = [];
  if (waId) keys.push({ kind: 'whatsapp', value: waId });
  if (phone) keys.push({ kind: 'phone', value: phoneMatchKey(phone) });
  if (userId) keys.push({ kind: 'whatsapp_bsuid', value: userId });
  if (username) keys.push({ kind: 'whatsapp_username', value: username });
  return { keys, phone, profileName: sender?.profile?.name?.trim() || null };
}
