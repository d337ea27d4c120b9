import type { z } from 'zod';
import type {
  CUSTOM_FIELD_PRESETS,
  CustomField,
  customFieldCreateSchema,
  customFieldUpdateSchema,
} from '../../shared/custom-field-schemas.js';
import type { CustomFieldOptions, CustomFieldType } from '../../shared/custom-field-types.js';
import { foldText } from '../../shared/text-fold.js';
import { actorOf, requireRole, type Principal } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { Job } from '../../shared/job-schemas.js';
import type { Repositories, UnitOfWork } from '../db/repositories.js';
import type { JobsService } from '../jobs/jobs.service.js';
import type { CustomFieldDefinitionsTable } from '../db/schema.js';
import { AppError, invalidField, notFound } from '../http/errors.js';
import { CUSTOM_FIELD_PRESET_FIELDS } from './custom-field-presets.js';
import { toFieldDefinition } from './custom-field-values.js';
import { FIELD_REWRITE_JOB, type FieldRewritePayload } from './field-rewrite-job.js';
import { conformToChoices, rewriteFieldRows } from './rewrite-field-values.js';

const TYPES_WITH_CHOICES = new Set<CustomFieldType>(['select', 'multi_select']);

function toCustomField(row: CustomFieldDefinitionsTable): CustomField {
  return {
    ...toFieldDefinition(row),
    group: row.group_name,
    description: row.description,
    position: row.position,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A field key from a label: `Customer Lifetime Value` → `customer_lifetime_value`. */
function keyFromLabel(label: string): string {
  const slug = foldText(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+/, '');
  const key = /^[a-z]/.test(slug) ? slug : `field_${slug}`;
  return key.slice(0, 64).replace(/_+$/, '');
}

function checkOptions(type: CustomFieldType, options: CustomFieldOptions): void {
  if (TYPES_WITH_CHOICES.has(type) && !options.choices?.length)
    throw invalidField('options.choices', 'a select needs at least one choice');
  if (
    options.choices &&
    new Set(options.choices.map((c) => c.toLowerCase())).size !== options.choices.length
  ) {
    throw invalidField('options.choices', 'choices must be unique');
  }
}

/** Custom field definitions: typed, grouped, ordered, with one-click presets. */
export class CustomFieldsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly jobs: JobsService,
    /** Up to this many contacts holding values, a definition change rewrites them within the request. */
    private readonly inlineLimit = 1000,
  ) {}

  /** Definitions in display order. */
  async listFields(workspaceId: string): Promise<CustomField[]> {
    return (await this.uow.repos.customFields.listDefinitions(workspaceId)).map(toCustomField);
  }

  /** One definition with how many contacts hold a value for it. */
  async getField(workspaceId: string, id: string): Promise<CustomField & { contactCount: number }> {
    const row = await this.uow.repos.customFields.findDefinition(workspaceId, id);
    if (!row) throw notFound('Custom field');
    return {
      ...toCustomField(row),
      contactCount: await this.uow.repos.customFields.countContactsWithValue(workspaceId, id),
    };
  }

  /** Creates a definition (admins only). */
  async createField(by: Principal, input: z.output<typeof customFieldCreateSchema>): Promise<CustomField> {
    requireRole(by, 'admin');
    return this.uow.transaction((repos) => insertField(repos, by.workspaceId, input));
  }

  /**
   * Changes a definition; the type changes only while no contact holds a value. Removed choices lose their
   * values: at once, or through a returned job when many contacts hold values.
   */
  async updateField(
    by: Principal,
    id: string,
    changes: z.output<typeof customFieldUpdateSchema>,
  ): Promise<CustomField & { job?: Job }> {
    requireRole(by, 'admin');
    const outcome = await this.uow.transaction(async (repos) => {
      const row = await repos.customFields.findDefinition(by.workspaceId, id);
      if (!row) throw notFound('Custom field');
      const current = toCustomField(row);
      const type = changes.type ?? current.type;
      const options = changes.options ?? current.options;
      checkOptions(type, options);
      if (type !== current.type) {
        const held = await repos.customFields.countContactsWithValue(by.workspaceId, id);
        if (held > 0) {
          throw new AppError('conflict', 409, `The type cannot change while ${held} contacts hold a value`, [
            { path: 'type', message: 'clear the values or create a new field' },
          ]);
        }
      }
      let rewriteLater = false;
      if (TYPES_WITH_CHOICES.has(type) && current.options.choices) {
        const held = await repos.customFields.countContactsWithValue(by.workspaceId, id);
        rewriteLater = held > this.inlineLimit;
        if (!rewriteLater) {
          const rows = await repos.customFields.valuesOfField(by.workspaceId, id);
          const rewrite = conformToChoices(options.choices ?? []);
          await rewriteFieldRows(repos, by.workspaceId, actorOf(by), toFieldDefinition(row), rows, rewrite);
        }
      }
      await repos.customFields.updateDefinition(by.workspaceId, id, {
        ...(changes.label !== undefined ? { label: changes.label } : {}),
        ...(changes.group !== undefined ? { group_name: changes.group } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.required !== undefined ? { required: changes.required ? 1 : 0 } : {}),
        ...(changes.position !== undefined ? { position: changes.position } : {}),
        type,
        options: JSON.stringify(options),
        updated_at: nowIso(),
      });
      const updated = await repos.customFields.findDefinition(by.workspaceId, id);
      if (!updated) throw notFound('Custom field');
      return { field: toCustomField(updated), rewriteLater };
    });
    if (!outcome.rewriteLater) return outcome.field;
    return { ...outcome.field, job: await this.queueRewrite(by, id, 'conform') };
  }

  /**
   * Deletes a definition and all its values (admins only): at once, returning how many contacts lost a value,
   * or through a returned job when many contacts hold values (the field goes when the job is done).
   */
  async deleteField(by: Principal, id: string): Promise<{ contactCount: number } | { job: Job }> {
    requireRole(by, 'admin');
    const held = await this.uow.repos.customFields.countContactsWithValue(by.workspaceId, id);
    if (held > this.inlineLimit) {
      if (!(await this.uow.repos.customFields.findDefinition(by.workspaceId, id)))
        throw notFound('Custom field');
      return { job: await this.queueRewrite(by, id, 'delete') };
    }
    return this.uow.transaction(async (repos) => {
      const row = await repos.customFields.findDefinition(by.workspaceId, id);
      if (!row) throw notFound('Custom field');
      const rows = await repos.customFields.valuesOfField(by.workspaceId, id);
      const contactCount = await rewriteFieldRows(
        repos,
        by.workspaceId,
        actorOf(by),
        toFieldDefinition(row),
        rows,
        () => null,
        true,
      );
      await repos.customFields.deleteDefinition(by.workspaceId, id);
      return { contactCount };
    });
  }

  private async queueRewrite(
    by: Principal,
    fieldId: string,
    mode: FieldRewritePayload['mode'],
  ): Promise<Job> {
    const payload: FieldRewritePayload = { fieldId, mode, actor: actorOf(by) };
    const total = await this.uow.repos.customFields.countContactsWithValue(by.workspaceId, fieldId);
    return this.jobs.enqueueJob(by.workspaceId, FIELD_REWRITE_JOB, payload, { createdBy: by.userId, total });
  }

  /** Sets the display order: the given ids first, in that order. */
  async reorderFields(by: Principal, ids: string[]): Promise<CustomField[]> {
    requireRole(by, 'admin');
    await this.uow.transaction(async (repos) => {
      const existing = await repos.customFields.listDefinitions(by.workspaceId);
      const known = new Set(existing.map((f) => f.id));
      const unknown = ids.find((id) => !known.has(id));
      if (unknown) throw invalidField('ids', `${unknown} is not a custom field of this workspace`);
      const order = [...new Set(ids), ...existing.map((f) => f.id).filter((id) => !ids.includes(id))];
      const now = nowIso();
      for (const [position, id] of order.entries()) {
        await repos.customFields.updateDefinition(by.workspaceId, id, { position, updated_at: now });
      }
    });
    return this.listFields(by.workspaceId);
  }

  /** Adds a preset group in one transaction; fields whose key exists already are left as they are. */
  async applyPreset(by: Principal, preset: (typeof CUSTOM_FIELD_PRESETS)[number]): Promise<CustomField[]> {
    requireRole(by, 'admin');
    await this.uow.transaction(async (repos) => {
      const existing = new Set((await repos.customFields.listDefinitions(by.workspaceId)).map((f) => f.key));
      for (const field of CUSTOM_FIELD_PRESET_FIELDS[preset]) {
        if (!existing.has(field.key))
          await insertField(repos, by.workspaceId, {
            ...field,
            options: field.options ?? {},
            required: false,
          });
      }
    });
    return this.listFields(by.workspaceId);
  }
}

/** Adds a definition after checking its options and that its key is free. */
async function insertField(
  repos: Repositories,
  workspaceId: string,
  input: z.output<typeof customFieldCreateSchema>,
): Promise<CustomField> {
  checkOptions(input.type, input.options);
  const key = input.key ?? keyFromLabel(input.label);
  const existing = await repos.customFields.listDefinitions(workspaceId);
  if (existing.some((f) => f.key === key)) {
    throw new AppError('conflict', 409, `A custom field with key "${key}" already exists`, [
      { path: 'key', message: 'is already used' },
    ]);
  }
  const now = nowIso();
  const row: CustomFieldDefinitionsTable = {
    workspace_id: workspaceId,
    id: newId(),
    key,
    label: input.label,
    type: input.type,
    options: JSON.stringify(input.options),
    group_name: input.group ?? null,
    description: input.description ?? null,
    required: input.required ? 1 : 0,
    position: input.position ?? (await repos.customFields.maxPosition(workspaceId)) + 1,
    created_at: now,
    updated_at: now,
  };
  await repos.customFields.insertDefinition(row);
  return toCustomField(row);
}
