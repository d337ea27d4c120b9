import type { Actor } from '../auth/principal.js';
import { derivedColumns, splitFullName } from '../contacts/contact-mapper.js';
import { createdChanges, newContactRow } from '../contacts/new-contact-row.js';
import { newId } from '../db/new-id.js';
import type { Repositories } from '../db/repositories.js';
import type { ContactsTable } from '../db/schema.js';
import type { IdentityKey } from '../identities/identities.repository.js';
import type { SenderIdentity } from './sender-identities.js';

/** WhatsApp itself, as the actor of changes it makes to contacts. */
export const WHATSAPP_ACTOR: Actor = { type: 'system', id: null };

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
  const row = newContactRow(
    workspaceId,
    id,
    { first_name: names?.first ?? null, last_name: names?.last ?? null, phone: sender.phone },
    source,
    now,
  );
  row.whatsapp_name = sender.profileName;
  await repos.contacts.insert([row]);
  await repos.identities.insert(workspaceId, [{ contactId: id, keys: sender.keys }], now);
  const changes = [...createdChanges(row), { field: 'source', before: null, after: source }];
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
  if (missing.length) await repos.identities.insert(workspaceId, [{ contactId: id, keys: missing }], now);
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
