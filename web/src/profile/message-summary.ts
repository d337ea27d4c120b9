import type { Message } from '../api/types';

/** What a message shows: a symbol and label for its kind (none for plain text), and its text or caption. */
export interface MessageSummary {
  icon: string | null;
  label: string | null;
  text: string | null;
}

type Part = Record<string, unknown>;

const partOf = (message: Message, key: string): Part => {
  const value = message.payload[key];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Part) : {};
};
const textOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null;

function locationLabel(part: Part): string {
  const place = textOf(part.name) ?? textOf(part.address);
  if (place) return place;
  const { latitude, longitude } = part;
  return typeof latitude === 'number' && typeof longitude === 'number'
    ? `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`
    : 'Location';
}

function interactiveLabel(part: Part): string {
  if (part.type === 'list_reply') return 'List reply';
  if (part.type === 'nfm_reply') return 'Form reply';
  return 'Button reply';
}

/** A message in words: "📷 Photo" with its caption, "↩ Button reply “Cancel”", "reacted 👍", or the text itself. */
export function summarizeMessage(message: Message): MessageSummary {
  const body = textOf(message.body);
  switch (message.type) {
    case 'text':
      return { icon: null, label: null, text: body };
    case 'image':
      return { icon: '📷', label: 'Photo', text: body };
    case 'video':
      return { icon: '🎬', label: 'Video', text: body };
    case 'sticker':
      return { icon: '🖼', label: 'Sticker', text: null };
    case 'audio':
      return partOf(message, 'audio').voice === false
        ? { icon: '🎵', label: 'Audio', text: null }
        : { icon: '🎤', label: 'Voice message', text: null };
    case 'document': {
      const part = partOf(message, 'document');
      return {
        icon: '📄',
        label: textOf(part.filename) ?? 'Document',
        text: textOf(part.caption),
      };
    }
    case 'location': {
      const part = partOf(message, 'location');
      const label = locationLabel(part);
      const address = textOf(part.address);
      return { icon: '📍', label, text: address && address !== label ? address : null };
    }
    case 'contacts':
      return { icon: '👤', label: 'Shared contact', text: body };
    case 'interactive':
      return {
        icon: '↩',
        label: `${interactiveLabel(partOf(message, 'interactive'))} “${body ?? ''}”`,
        text: null,
      };
    case 'button':
      return { icon: '↩', label: `Button reply “${body ?? ''}”`, text: null };
    case 'reaction':
      return { icon: null, label: body ? `reacted ${body}` : 'removed a reaction', text: null };
    case 'template': {
      const part = partOf(message, 'template');
      const name = textOf(part.name);
      const parameters = Array.isArray(part.parameters) ? part.parameters.filter((p) => textOf(p)) : null;
      return {
        icon: '📋',
        label: name ? `Template ${name}` : 'Template',
        text: parameters ? parameters.join(' · ') || null : body,
      };
    }
    case 'order':
      return { icon: '🛒', label: 'Order', text: body === 'Order' ? null : body };
    default:
      return { icon: '⚠', label: 'Unsupported message', text: body };
  }
}

/** The ad a customer came from ("Chat with us"), when the message started from a click-to-WhatsApp ad. */
export function adReferral(message: Message): string | null {
  const referral = partOf(message, 'referral');
  if (Object.keys(referral).length === 0) return null;
  return textOf(referral.headline) ?? textOf(referral.body) ?? textOf(referral.source_url) ?? 'an ad';
}
