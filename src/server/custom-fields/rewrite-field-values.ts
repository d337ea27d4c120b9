import type { CustomValue } from '../../shared/custom-field-types.js';
import type { Actor } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import type { Repositories } from '../db/repositories.js';
import type { ContactFieldValuesTable } from '../db/schema.js';
import { rowsToCustomValues, valueToRows, type FieldDefinition } from './custom-field-values.js';

/** A rewrite of one field's values: the new value for an old one (null removes it). */
export type ValueRewrite = (value: CustomValue) => CustomValue | null;

/** Keeps each choice that a select still offers (matched ignoring case, in its new spelling) and drops the rest. */
export function conformToChoices(choices: string[]): ValueRewrite {
  const match = (value: string) => choices.find((c) => c.toLowerCase() === value.toLowerCase()) ?? null;
  return (value) => {
    if (!Array.isArray(value)) return match(String(value));
    const kept = value.map(match).filter((v): v is string => v !== null);
    return kept.length ? kept : null;
  };
}

/**
 * Rewrites the given stored values of one field, recording an `updated` event and a new version on each
 * contact whose value changes; with `definitionDeleted` the values are left to go with the definition.
 * Returns how many contacts changed. Call it inside a transaction.
 */
export async function rewriteFieldRows(
  repos: Repositories,
  workspaceId: string,
  actor: Actor,
  field: FieldDefinition,
  rows: ContactFieldValuesTable[],
  rewrite: ValueRewrite,
  definitionDeleted = false,
): Promise<number> {
  const entries: Array<{
    contactId: string;
    changes: Array<{ field: string; before: CustomValue; after: CustomValue | null }>;
  }> = [];
  for (const [contactId, values] of rowsToCustomValues(new Map([[field.id, field]]), rows)) {
    const before = values[field.key];
    if (before === undefined) continue;
    const after = rewrite(before);
    if (JSON.stringify(after) === JSON.stringify(before)) continue;
    if (!definitionDeleted) {
      await repos.customFields.replaceValues(
        workspaceId,
        contactId,
        [field.id],
        after === null ? [] : valueToRows(workspaceId, contactId, field, after),
      );
    }
    entries.push({ contactId, changes: [{ field: `custom.${field.key}`, before, after }] });
  }
  const now = nowIso();
  await repos.events.appendMany(workspaceId, entries, 'updated', actor, now);
  await repos.contacts.bumpVersions(
    workspaceId,
    entries.map((e) => e.contactId),
    now,
  );
  return entries.length;
}
