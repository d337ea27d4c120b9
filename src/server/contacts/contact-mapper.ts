import type { Contact } from '../../shared/contact-schemas.js';
import type { CustomValue } from '../../shared/custom-field-types.js';
import { foldText } from '../../shared/text-fold.js';
import type { ContactsTable } from '../db/schema.js';

/** A contact row with the tags and custom values read beside it, as the API returns it. */
export function toContact(
  row: ContactsTable,
  tags: Contact['tags'],
  custom: Record<string, CustomValue>,
): Contact {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    name: row.display_name,
    phone: row.phone,
    email: row.email,
    company: row.company,
    jobTitle: row.job_title,
    birthday: row.birthday,
    language: row.language,
    timezone: row.timezone,
    address: {
      street: row.street,
      city: row.city,
      region: row.region,
      postalCode: row.postal_code,
      country: row.country,
    },
    social: {
      linkedin: row.linkedin,
      twitter: row.twitter,
      facebook: row.facebook,
      instagram: row.instagram,
      website: row.website,
    },
    custom,
    tags,
    source: row.source,
    assigneeId: row.assignee_id,
    firstContactAt: row.first_contact_at,
    lastContactAt: row.last_contact_at,
    lastInboundAt: row.last_inbound_at,
    lastOutboundAt: row.last_outbound_at,
    conversationCount: Number(row.conversation_count),
    messageCount: Number(row.message_count),
    whatsappName: row.whatsapp_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

type NameParts = Pick<ContactsTable, 'first_name' | 'last_name' | 'company' | 'email' | 'phone'>;

/** The name shown for a contact: the person's name, else company, email or phone. */
export function displayNameOf(row: NameParts): string {
  const person = [row.first_name, row.last_name].filter(Boolean).join(' ').trim();
  return person || row.company || row.email || row.phone || 'Unnamed contact';
}

/** The derived columns that sorting and the simple search use. */
export function derivedColumns(
  row: NameParts,
): Pick<ContactsTable, 'display_name' | 'sort_name' | 'search_text'> {
  const display = displayNameOf(row);
  const searchable = [row.first_name, row.last_name, row.company, row.email, row.phone?.replace('+', '')]
    .filter(Boolean)
    .join(' ');
  return {
    display_name: display,
    sort_name: foldText(display),
    search_text: foldText(`${display} ${searchable}`),
  };
}

/** Splits a full name into first and the rest: `Maria da Silva` → `Maria`, `da Silva`. */
export function splitFullName(name: string): { first: string; last: string | null } {
  const [first = '', ...rest] = name.trim().split(/\s+/);
  return { first, last: rest.length ? rest.join(' ') : null };
}
