import type { ContactsService, NewContact } from '../contacts/contacts.service.js';
import type { Repositories } from '../db/repositories.js';
import { AppError } from '../http/errors.js';
import {
  recordConsents,
  refusal,
  writeImportRow,
  type RowOutcome,
  type RowWriterContext,
} from './import-row-writer.js';
import { readMatchedContacts, settledOutcome } from './import-settled-rows.js';
import { draftIdentities, extraIdentitiesOf, type RowDraft } from './row-draft.js';

/** A row of the file read through the mapping, ready to be written. */
export interface DraftedRow {
  number: number;
  draft: RowDraft;
}

const keyText = (key: { kind: string; value: string }) => `${key.kind}:${key.value}`;

/** The contact holding every one of these identities, when one does (and there is at least one). */
function soleOwnerOf(keys: readonly string[], ownerOf: ReadonlyMap<string, string>): string | null {
  const owner = keys.length > 0 ? ownerOf.get(keys[0] ?? '') : undefined;
  return owner !== undefined && keys.every((key) => ownerOf.get(key) === owner) ? owner : null;
}

/**
 * Writes a batch of rows inside the caller's transaction with the outcome writeImportRow gives each, in file
 * order, but with one identity lookup for the whole batch and the new contacts written together in multi-row
 * statements. A row whose phone, email or WhatsApp id nobody holds becomes a new contact, kept until the next
 * write; a row that matches one contact and brings it nothing is settled without writing; any other row (it
 * matches a contact, an earlier row of the batch, or an identity a merge just claimed) goes through
 * writeImportRow after the new contacts before it are written.
 */
export async function writeImportBatch(
  repos: Repositories,
  contacts: ContactsService,
  context: RowWriterContext,
  rows: readonly DraftedRow[],
): Promise<RowOutcome[]> {
  const { scope } = context;
  const identities = rows.map((row) => draftIdentities(row.draft));
  const keysOf = identities.map((keys) => keys.map(keyText));
  const owners = await repos.identities.findOwners(scope.workspaceId, identities.flat());
  const taken = new Set(owners.map(keyText));
  const ownerOf = new Map(owners.map((owner) => [keyText(owner), owner.contact_id]));
  const soleOwners = keysOf.map((keys) => soleOwnerOf(keys, ownerOf));
  const matched = await readMatchedContacts(repos, context, [
    ...new Set(soleOwners.filter((id) => id !== null)),
  ]);
  // What rows written one by one changed: the matched contacts read above no longer tell about these.
  const changedContacts = new Set<string>();
  const claimedKeys = new Set<string>();
  const outcomes: RowOutcome[] = [];
  let waiting: Array<{ index: number; row: DraftedRow; contact: NewContact }> = [];
  const waitingKeys = new Set<string>();

  const writeWaiting = async () => {
    if (waiting.length === 0) return;
    await contacts.insertNew(
      repos,
      scope,
      waiting.map((w) => w.contact),
      context.now,
    );
    for (const { index, row, contact } of waiting) {
      await recordConsents(repos, context, contact.row.id, row.draft, row.number);
      outcomes[index] = { kind: 'created', contactId: contact.row.id };
    }
    for (const key of waitingKeys) taken.add(key);
    waiting = [];
    waitingKeys.clear();
  };

  /** A row that meets identities already held: settled when it brings nothing, else written on its own. */
  const writeMatching = async (
    index: number,
    row: DraftedRow,
    keys: readonly string[],
    owner: string | null,
  ) => {
    const settled =
      owner !== null && !changedContacts.has(owner) && !keys.some((key) => claimedKeys.has(key))
        ? settledOutcome(row.draft, owner, matched, context)
        : null;
    const outcome = settled ?? (await writeImportRow(repos, contacts, context, row.draft, row.number));
    outcomes[index] = outcome;
    if (settled) return;
    if (outcome.kind === 'updated') changedContacts.add(outcome.contactId);
    for (const key of keys) {
      taken.add(key);
      claimedKeys.add(key);
    }
  };

  for (const [index, row] of rows.entries()) {
    const keys = keysOf[index] ?? [];
    if (keys.some((key) => waitingKeys.has(key))) await writeWaiting();
    if (keys.some((key) => taken.has(key))) {
      await writeMatching(index, row, keys, soleOwners[index] ?? null);
      continue;
    }
    let contact: NewContact;
    try {
      contact = await contacts.prepareNew(
        repos,
        scope,
        { ...row.draft.input, source: 'import', tags: row.draft.tags },
        {
          context: context.contact,
          enforceRequired: false,
          extraIdentities: extraIdentitiesOf(row.draft),
          changes: [{ field: 'source', before: null, after: `import: ${context.fileName}` }],
          now: context.now,
        },
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes[index] = { kind: 'failed', reason: refusal(error) };
      continue;
    }
    const saved = contact.identities.map(keyText);
    if (saved.some((key) => taken.has(key) || waitingKeys.has(key))) {
      // The identities it would be saved with differ from those looked up for the row: written on its own.
      await writeWaiting();
      await writeMatching(index, row, saved, null);
      continue;
    }
    waiting.push({ index, row, contact });
    for (const key of saved) waitingKeys.add(key);
  }
  await writeWaiting();
  return outcomes;
}
