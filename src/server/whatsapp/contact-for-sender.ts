import type { Actor } from '../auth/principal.js';
import { derivedColumns, splitFullName } from '../contacts/contact-mapper.js';
import { newId } from '../db/new-id.js';
import type { Repositories } from '../db/repositories.js';
import type { ContactsTable } from '../db/schema.js';
import type { IdentityKey } from '../identities/identities.repository.js';
import type { SenderIdentity } from './sender-identities.js';

/** WhatsApp itself, as the actor of changes it makes to contacts. */
export const WHATSAPP_ACTOR: Actor = { type: 'system', id: null };

/** A new contact's profile columns, all empty. */
function blankContact(workspaceId: string, id: string, now: string): ContactsTable {
  return {
    workspace_id: workspaceId,
    id,
    first_name: null,
    last_name: null,
    display_name: '',
    sort_name: '',
    search_text: '',
    phone: null,
    email: null,
    company: null,
    job_title: null,
    birthday: null,
    language: null,
    timezone: null,
    street: null,
    city: null,
    region: null,
    postal_code: null,
    country: null,
    linkedin: null,
    twitter: null,
    facebook: null,
    instagram: null,
    website: null,
    source: 'whatsapp',
    assignee_id: null,
    first_contact_at: null,
    last_contact_at: null,
    last_inbound_at: null,
    last_outbound_at: null,
    conversation_count: 0,
    message_count: 0,
    whatsapp_name: null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
}

/** Creates the contact of a customer seen for the first time, with every identity they came with. */
export async function createContactFor(
  repos: Repositories,
  workspaceId: string,
  sender: SenderIdentity,
  source: 'whatsapp' | 'agent',
  actor: Actor,
  now: string,
): Promise<ContactsTable> {
  const id = newId();
  const names = sender.profileName ? splitFullName(sender.profileName) : null;
  const row = blankContact(workspaceId, id, now);
  row.first_name = names?.first ?? null;
  row.last_name = names?.last ?? null;
  row.phone = sender.phone;
  row.whatsapp_name = sender.profileName;
  row.source = source;
  Object.assign(row, derivedColumns(row));
  await repos.contacts.insert(row);
  await repos.identities.insert(workspaceId, id, sender.keys, now);
  const changes = [
    { field: 'firstName', before: null, after: row.first_name },
    { field: 'lastName', before: null, after: row.last_name },
    { field: 'phone', before: null, after: row.phone },
    { field: 'source', before: null, after: source },
  ].filter((change) => change.after !== null);
  await repos.events.append(workspaceId, id, 'created', changes, actor, now);
  return row;
}

/**
 * Brings a known customer's contact up to date: identities it lacked are added (unless another contact holds
 * them; `owners` are the holders already looked up), and a changed WhatsApp profile name is kept; it also becomes the
 * contact's name unless an agent gave the contact another one.
 */
export async function refreshKnownContact(
  repos: Repositories,
  contact: ContactsTable,
  sender: SenderIdentity,
  owners: IdentityKey[],
  now: string,
): Promise<void> {
  const { workspace_id: workspaceId, id } = contact;
  const missing = sender.keys.filter(
    (key) => !owners.some((o) => o.kind === key.kind && o.value === key.value),
  );
  if (missing.length) await repos.identities.insert(workspaceId, id, missing, now);
  const name = sender.profileName;
  if (!name || name === contact.whatsapp_name) return;
  const current = [contact.first_name, contact.last_name].filter(Boolean).join(' ');
  const fromWhatsApp =
    current === '' || current === (contact.whatsapp_name ?? '').trim().split(/\s+/).join(' ');
  const changes: Partial<ContactsTable> = { whatsapp_name: name };
  if (fromWhatsApp) {
    const parts = splitFullName(name);
    Object.assign(changes, { first_name: parts.first, last_name: parts.last, updated_at: now });
    Object.assign(changes, derivedColumns({ ...contact, first_name: parts.first, last_name: parts.last }));
    await repos.events.append(
      workspaceId,
      id,
      'updated',
      [{ field: 'name', before: contact.display_name, after: changes.display_name }],
      WHATSAPP_ACTOR,
      now,
    );
  }
  await repos.contacts.updateUnversioned(workspaceId, id, changes);
}
