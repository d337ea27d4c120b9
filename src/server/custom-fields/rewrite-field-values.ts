import type { CustomValue } from '../../shared/custom-field-types.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import type { Repositories } from '../db/repositories.js';
import { rowsToCustomValues, valueToRows, type FieldDefinition } from './custom-field-values.js';

/**
 * Rewrites every contact's value of one field (null removes it), recording an `updated` event and a new
 * version on each contact whose value changes; with `definitionDeleted` the values go with the definition.
 * Returns how many contacts changed. Call it inside a transaction.
 */
export async function rewriteFieldValues(
  repos: Repositories,
  by: Principal,
  field: FieldDefinition,
  rewrite: (value: CustomValue) => CustomValue | null,
  definitionDeleted = false,
): Promise<number> {
  const { workspaceId } = by;
  const rows = await repos.customFields.valuesOfField(workspaceId, field.id);
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
  await repos.events.appendMany(workspaceId, entries, 'updated', actorOf(by), now);
  await repos.contacts.bumpVersions(
    workspaceId,
    entries.map((e) => e.contactId),
    now,
  );
  return entries.length;
}
