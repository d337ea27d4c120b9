import type { Actor } from '../auth/principal.js';
import type { UnitOfWork } from '../db/repositories.js';
import type { RunningJob } from '../jobs/job-runner.js';
import { toFieldDefinition } from './custom-field-values.js';
import { conformToChoices, rewriteFieldRows } from './rewrite-field-values.js';

/** Job type that brings many contacts' values of a field in line with its definition, or deletes the field. */
export const FIELD_REWRITE_JOB = 'custom-fields.rewrite';

/** What the job does: drop values its choices no longer allow, or delete the field with all its values. */
export interface FieldRewritePayload {
  fieldId: string;
  mode: 'conform' | 'delete';
  actor: Actor;
}

const CONTACTS_PER_STEP = 500;

/**
 * Walks the contacts holding a value of the field in steps of one transaction each, so that other requests
 * get the database between steps; each changed contact gets an event and a new version. A deleted field
 * goes last, with any value set behind the walk.
 */
export async function runFieldRewriteJob(
  uow: UnitOfWork,
  job: RunningJob,
): Promise<{ contactCount: number }> {
  const { fieldId, mode, actor } = job.payload as FieldRewritePayload;
  const { workspaceId } = job;
  const total = await uow.repos.customFields.countContactsWithValue(workspaceId, fieldId);
  let contactCount = 0;
  let seen = 0;
  let afterContactId: string | undefined;
  for (;;) {
    const last = await uow.transaction(async (repos) => {
      const row = await repos.customFields.findDefinition(workspaceId, fieldId);
      if (!row) return null;
      const field = toFieldDefinition(row);
      const rewrite = mode === 'delete' ? () => null : conformToChoices(field.options.choices ?? []);
      const rows = await repos.customFields.valuesOfField(workspaceId, fieldId, {
        afterContactId,
        contacts: CONTACTS_PER_STEP,
      });
      if (rows.length === 0) {
        if (mode === 'delete') {
          const stragglers = await repos.customFields.valuesOfField(workspaceId, fieldId);
          contactCount += await rewriteFieldRows(repos, workspaceId, actor, field, stragglers, rewrite, true);
          await repos.customFields.deleteDefinition(workspaceId, fieldId);
        }
        return null;
      }
      contactCount += await rewriteFieldRows(repos, workspaceId, actor, field, rows, rewrite);
      seen += new Set(rows.map((r) => r.contact_id)).size;
      return rows.at(-1)?.contact_id ?? null;
    });
    if (last === null) break;
    afterContactId = last;
    await job.reportProgress(seen, Math.max(total, seen));
  }
  return { contactCount };
}
