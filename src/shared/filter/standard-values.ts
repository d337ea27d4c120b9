import type { Contact } from '../contact-schemas.js';

/** Identity kinds that mean the contact is reachable on WhatsApp (wa_id, business-scoped user id, username). */
export const WHATSAPP_IDENTITY_KINDS: readonly string[] = ['whatsapp', 'whatsapp_bsuid', 'whatsapp_username'];

/** How long the 24-hour customer-service window stays open after the customer's last message. */
export const WINDOW_MS = 24 * 60 * 60 * 1000;

const READERS: Record<string, (c: Contact) => string | number | null> = {
  name: (c) => c.name,
  firstName: (c) => c.firstName,
  lastName: (c) => c.lastName,
  phone: (c) => c.phone,
  email: (c) => c.email,
  company: (c) => c.company,
  jobTitle: (c) => c.jobTitle,
  birthday: (c) => c.birthday,
  language: (c) => c.language,
  timezone: (c) => c.timezone,
  street: (c) => c.address.street,
  city: (c) => c.address.city,
  region: (c) => c.address.region,
  postalCode: (c) => c.address.postalCode,
  country: (c) => c.address.country,
  linkedin: (c) => c.social.linkedin,
  twitter: (c) => c.social.twitter,
  facebook: (c) => c.social.facebook,
  instagram: (c) => c.social.instagram,
  website: (c) => c.social.website,
  whatsappName: (c) => c.whatsappName,
  source: (c) => c.source,
  assignee: (c) => c.assigneeId,
  firstContactAt: (c) => c.firstContactAt,
  lastContactAt: (c) => c.lastContactAt,
  lastInboundAt: (c) => c.lastInboundAt,
  lastOutboundAt: (c) => c.lastOutboundAt,
  conversationCount: (c) => c.conversationCount,
  messageCount: (c) => c.messageCount,
  createdAt: (c) => c.createdAt,
  updatedAt: (c) => c.updatedAt,
};

/** The value of a standard profile or statistics field on a contact (null when it has none). */
export function standardValueOf(fieldId: string, contact: Contact): string | number | null {
  const read = READERS[fieldId];
  if (!read) throw new Error(`${fieldId} is not a standard filter field`);
  return read(contact);
}
