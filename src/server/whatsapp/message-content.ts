import type { WaMessage } from './inbound-notification.js';

/** What a message says, for the timeline and search, and the type-specific part kept as it came. */
export interface MessageContent {
  type: string;
  /** A text rendering: the text, a caption, a button title, an emoji; null when the message has none. */
  body: string | null;
  /** The type's own object plus `context` and `referral`, as JSON. */
  payload: string;
}

const MEDIA = new Set(['image', 'video', 'audio', 'document', 'sticker']);

type Part = Record<string, unknown> | undefined;
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

function bodyOf(type: string, part: Part): string | null {
  if (!part) return null;
  if (type === 'text') return text(part.body);
  if (MEDIA.has(type)) return text(part.caption) ?? text(part.filename);
  if (type === 'location') {
    const place = [text(part.name), text(part.address)].filter(Boolean).join(', ');
    return place || `${String(part.latitude)}, ${String(part.longitude)}`;
  }
  if (type === 'contacts' && Array.isArray(part))
    return (
      part
        .map((c: { name?: { formatted_name?: string } }) => c.name?.formatted_name)
        .filter(Boolean)
        .join(', ') || null
    );
  if (type === 'interactive') {
    const reply = (part.button_reply ?? part.list_reply ?? part.nfm_reply) as Part;
    return text(reply?.title) ?? text(reply?.body);
  }
  if (type === 'button') return text(part.text) ?? text(part.payload);
  if (type === 'reaction') return text(part.emoji);
  if (type === 'order') return 'Order';
  return null;
}

/** Reads any message type WhatsApp sends (unknown types are kept whole, with no text). */
export function contentOf(message: WaMessage): MessageContent {
  const { type } = message;
  const part = message[type] as Part;
  const kept: Record<string, unknown> = { [type]: part ?? null };
  for (const key of ['context', 'referral', 'errors', 'identity'])
    if (message[key] !== undefined) kept[key] = message[key];
  return { type, body: bodyOf(type, part), payload: JSON.stringify(kept) };
}
