import type { ContactPatchInput } from '../../shared/contact-schemas.js';
import type { ImportPolicy } from '../../shared/import-schemas.js';
import { ADDRESS_COLUMNS, PROFILE_COLUMNS, SOCIAL_COLUMNS } from '../contacts/contact-columns.js';
import { splitFullName } from '../contacts/contact-mapper.js';
import type { ContactContext, ContactScope, ContactsService } from '../contacts/contacts.service.js';
import { newId } from '../db/new-id.js';
import type { Repositories } from '../db/repositories.js';
import type { ContactsTable } from '../db/schema.js';
import type { FieldChange } from '../events/contact-events.repository.js';
import { AppError } from '../http/errors.js';
import { resolveTags, tagContact } from '../tags/tags.service.js';
import { draftIdentities, extraIdentitiesOf, type RowDraft } from './row-draft.js';

/** What became of one row. */
export type RowOutcome =
  | { kind: 'created'; contactId: string }
  | { kind: 'updated'; contactId: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; reason: string };

/** What the writer of one import knows throughout the run. */
export interface RowWriterContext {
  scope: ContactScope;
  contact: ContactContext;
  policy: ImportPolicy;
  importId: string;
  fileName: string;
  /** When the run began: contacts this import created since are merged with, whatever the policy. */
  runStartedAt: string;
  now: string;
}

/**
 * How a row is merged into the contact it matches: contacts this import created are only filled (the row is the
 * same person as an earlier row of the file), others by the import's policy.
 */
export function mergePolicyFor(current: ContactsTable, context: RowWriterContext) {
  const mergeOnly = current.source === 'import' && current.created_at >= context.runStartedAt;
  return { mergeOnly, policy: mergeOnly ? 'fill' : context.policy };
}

/** A row skipped by the policy. */
export const SKIPPED_BY_POLICY: RowOutcome = {
  kind: 'skipped',
  reason: 'matches an existing contact (policy: skip)',
};

/** A row that brought nothing to the contact it matches. */
export function nothingNew(mergeOnly: boolean): RowOutcome {
  return {
    kind: 'skipped',
    reason: mergeOnly
      ? 'the same person as an earlier row of this file'
      : 'nothing new for an existing contact',
  };
}

/** Keys of the custom fields these stored values are for. */
export function heldFieldKeys(
  context: RowWriterContext,
  values: ReadonlyArray<{ field_id: string }>,
): Set<string> {
  const held = new Set(values.map((v) => v.field_id));
  return new Set(context.contact.fields.filter((f) => held.has(f.id)).map((f) => f.key));
}

/** The `fill` patch: only the values the contact does not have yet. */
export function fillPatch(
  draft: RowDraft,
  current: ContactsTable,
  customHeld: ReadonlySet<string>,
): ContactPatchInput {
  const input = fullPatch(draft);
  const patch: ContactPatchInput = {};
  for (const [key, column] of Object.entries(PROFILE_COLUMNS)) {
    const value = input[key as keyof typeof PROFILE_COLUMNS];
    if (value !== undefined && value !== null && current[column] === null)
      Object.assign(patch, { [key]: value });
  }
  for (const [group, columns] of [
    ['address', ADDRESS_COLUMNS],
    ['social', SOCIAL_COLUMNS],
  ] as const) {
    const values = input[group] as Record<string, string | null | undefined> | undefined;
    if (!values) continue;
    const kept = Object.fromEntries(
      Object.entries(values).filter(
        ([key, value]) =>
          value && current[columns[key as keyof typeof columns] as keyof ContactsTable] === null,
      ),
    );
    if (Object.keys(kept).length) Object.assign(patch, { [group]: kept });
  }
  const custom = Object.fromEntries(
    Object.entries(input.custom ?? {}).filter(([key]) => !customHeld.has(key)),
  );
  if (Object.keys(custom).length) patch.custom = custom;
  return patch;
}

/** The `overwrite` patch: every value the row has. */
function fullPatch(draft: RowDraft): ContactPatchInput {
  const { name, source: _source, tags: _tags, ...rest } = draft.input;
  const names = name && !rest.firstName && !rest.lastName ? splitFullName(name) : null;
  return { ...rest, ...(names ? { firstName: names.first, lastName: names.last } : {}) };
}

/** The reason a save was refused, in words (rethrows what is not a refusal). */
export function refusal(error: unknown): string {
  if (error instanceof AppError) {
    const first = error.errors?.[0];
    return first && error.code === 'validation_failed' ? `${first.path}: ${first.message}` : error.message;
  }
  throw error;
}

/**
 * Saves one row inside the caller's transaction: finds the contact it matches by phone, email or WhatsApp id,
 * then creates, merges by the policy, skips, or refuses it (a row matching two different contacts is a conflict).
 */
export async function writeImportRow(
  repos: Repositories,
  contacts: ContactsService,
  context: RowWriterContext,
  draft: RowDraft,
  rowNumber: number,
): Promise<RowOutcome> {
  const { scope } = context;
  const workspaceId = scope.workspaceId;
  const keys = draftIdentities(draft);
  const owners = [
    ...new Set((await repos.identities.findOwners(workspaceId, keys)).map((o) => o.contact_id)),
  ];
  if (owners.length > 1) {
    const names = await Promise.all(owners.map((id) => repos.contacts.find(workspaceId, id)));
    return {
      kind: 'failed',
      reason: `conflict: its phone, email or WhatsApp id belong to different contacts (${names
        .map((c) => c?.display_name ?? '?')
        .join(', ')})`,
    };
  }
  const source: FieldChange = { field: 'source', before: null, after: `import: ${context.fileName}` };
  const [existingId] = owners;
  try {
    if (!existingId) {
      const contactId = await contacts.createIn(
        repos,
        scope,
        { ...draft.input, source: 'import', tags: draft.tags },
        {
          context: context.contact,
          enforceRequired: false,
          extraIdentities: extraIdentitiesOf(draft),
          changes: [source],
          now: context.now,
        },
      );
      await recordConsents(repos, context, contactId, draft, rowNumber);
      return { kind: 'created', contactId };
    }
    const current = await repos.contacts.find(workspaceId, existingId);
    if (!current) return { kind: 'failed', reason: 'the matching contact was deleted meanwhile' };
    const { mergeOnly, policy } = mergePolicyFor(current, context);
    if (policy === 'skip') return SKIPPED_BY_POLICY;
    const held = await repos.customFields.valuesForContacts(workspaceId, [existingId]);
    const patch =
      policy === 'fill' ? fillPatch(draft, current, heldFieldKeys(context, held)) : fullPatch(draft);
    const changed = await contacts.updateIn(repos, scope, existingId, patch, {
      context: context.contact,
      extraIdentities: extraIdentitiesOf(draft),
      changes: [{ ...source, before: current.source }],
      now: context.now,
    });
    const tagged = draft.tags.length
      ? await tagContact(
          repos,
          workspaceId,
          existingId,
          await resolveTags(repos, workspaceId, draft.tags, context.now),
          scope.actor,
          context.now,
        )
      : 0;
    const consented = await recordConsents(repos, context, existingId, draft, rowNumber);
    if (changed + tagged + consented > 0) return { kind: 'updated', contactId: existingId };
    return nothingNew(mergeOnly);
  } catch (error) {
    return { kind: 'failed', reason: refusal(error) };
  }
}

/** Appends the row's consent decisions that differ from the contact's current state; returns how many. */
export async function recordConsents(
  repos: Repositories,
  context: RowWriterContext,
  contactId: string,
  draft: RowDraft,
  rowNumber: number,
): Promise<number> {
  if (draft.consents.length === 0) return 0;
  const ledger = await repos.consents.listForContact(context.scope.workspaceId, contactId);
  let recorded = 0;
  for (const consent of draft.consents) {
    const latest = ledger.find((e) => e.channel === consent.channel && e.purpose === consent.purpose);
    if (latest?.status === consent.status) continue;
    await repos.consents.append({
      workspace_id: context.scope.workspaceId,
      id: newId(),
      contact_id: contactId,
      channel: consent.channel,
      purpose: consent.purpose,
      status: consent.status,
      source: consent.source,
      proof: JSON.stringify({ import: context.importId, file: context.fileName, row: rowNumber }),
      recorded_by: null,
      recorded_at:
        consent.date && !Number.isNaN(Date.parse(consent.date))
          ? new Date(consent.date).toISOString()
          : context.now,
    });
    recorded++;
  }
  return recorded;
}
