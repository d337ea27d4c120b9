import type { Repositories } from '../db/repositories.js';
import type { ContactsTable } from '../db/schema.js';
import { tagNameKey } from '../../shared/tag-name.js';
import {
  fillPatch,
  heldFieldKeys,
  mergePolicyFor,
  nothingNew,
  SKIPPED_BY_POLICY,
  type RowOutcome,
  type RowWriterContext,
} from './import-row-writer.js';
import type { RowDraft } from './row-draft.js';

/** The contacts a batch's rows match, read once for the batch: rows, keys of custom fields held, tag keys. */
export interface MatchedContacts {
  rows: ReadonlyMap<string, ContactsTable>;
  heldFieldKeys: ReadonlyMap<string, ReadonlySet<string>>;
  tagKeys: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Reads what settledOutcome needs to know of these contacts, in three queries. */
export async function readMatchedContacts(
  repos: Repositories,
  context: RowWriterContext,
  ids: string[],
): Promise<MatchedContacts> {
  const { workspaceId } = context.scope;
  const [rows, values, tags] = await Promise.all([
    repos.contacts.findMany(workspaceId, ids),
    repos.customFields.valuesForContacts(workspaceId, ids),
    repos.tags.tagsForContacts(workspaceId, ids),
  ]);
  const valuesOf = new Map<string, typeof values>();
  for (const value of values) {
    const own = valuesOf.get(value.contact_id);
    if (own) own.push(value);
    else valuesOf.set(value.contact_id, [value]);
  }
  const held = new Map([...valuesOf].map(([id, own]) => [id, heldFieldKeys(context, own)]));
  const tagKeys = new Map<string, Set<string>>();
  for (const tag of tags)
    tagKeys.set(tag.contact_id, (tagKeys.get(tag.contact_id) ?? new Set()).add(tagNameKey(tag.name)));
  return { rows: new Map(rows.map((row) => [row.id, row])), heldFieldKeys: held, tagKeys };
}

/**
 * The outcome of a row that matches exactly `contact` by every one of its identities and brings it nothing: the
 * policy skips it, or filling empty fields would change no field, add no tag and record no consent. Decided
 * without writing, the same way writeImportRow would; null when the row needs writeImportRow.
 */
export function settledOutcome(
  draft: RowDraft,
  contactId: string,
  matched: MatchedContacts,
  context: RowWriterContext,
): RowOutcome | null {
  const current = matched.rows.get(contactId);
  if (!current || draft.consents.length > 0) return null;
  const { mergeOnly, policy } = mergePolicyFor(current, context);
  if (policy === 'skip') return SKIPPED_BY_POLICY;
  if (policy !== 'fill') return null;
  const patch = fillPatch(draft, current, matched.heldFieldKeys.get(contactId) ?? new Set());
  const tags = matched.tagKeys.get(contactId) ?? new Set();
  if (Object.keys(patch).length > 0 || draft.tags.some((tag) => !tags.has(tagNameKey(tag)))) return null;
  return nothingNew(mergeOnly);
}
