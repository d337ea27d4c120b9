import type { Expression, SqlBool } from 'kysely';
import type {
  Contact,
  ContactCreateInput,
  ContactListQuery,
  ContactPatchInput,
  ContactSort,
} from '../../shared/contact-schemas.js';
import type { CustomValue } from '../../shared/custom-field-types.js';
import { normalizeSocialProfile, SOCIAL_NETWORKS } from '../../shared/social-profile.js';
import type { Actor } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import {
  missingRequiredFields,
  planCustomValues,
  rowsToCustomValues,
  toFieldDefinition,
  type FieldDefinition,
} from '../custom-fields/custom-field-values.js';
import { newId } from '../db/new-id.js';
import type { Repositories, UnitOfWork } from '../db/repositories.js';
import type { ContactFieldValuesTable, ContactsTable } from '../db/schema.js';
import type { FieldChange } from '../events/contact-events.repository.js';
import { AppError, invalid, notFound, type FieldError } from '../http/errors.js';
import type { IdentityKey } from '../identities/identities.repository.js';
import { identitiesOf } from '../identities/identity-keys.js';
import { normalizePhone } from '../identities/normalize-phone.js';
import { tagNameKey } from '../../shared/tag-name.js';
import { recordTagRemoved, resolveTags, tagContact } from '../tags/tags.service.js';
import {
  ADDRESS_COLUMNS,
  EDITABLE_COLUMNS,
  PROFILE_COLUMNS,
  SOCIAL_COLUMNS,
  type EditableColumn,
} from './contact-columns.js';
import { decodeCursor, encodeCursor } from './contact-cursor.js';
import { derivedColumns, splitFullName, toContact } from './contact-mapper.js';
import { createdChanges, newContactRow } from './new-contact-row.js';
import { searchNeedle } from '../../shared/search-needle.js';
import { sortOrderOf } from './contact-sort.js';

/** Who acts on contacts, and in which workspace. */
export interface ContactScope {
  workspaceId: string;
  actor: Actor;
}

/** Options of a create: imports and WhatsApp skip required custom fields; `changes` are recorded with the event. */
export interface CreateOptions {
  enforceRequired?: boolean;
  changes?: FieldChange[];
}

/** Options of a create inside a caller's transaction: the workspace context, a WhatsApp id to claim, the time. */
export interface NewContactOptions extends CreateOptions {
  context: ContactContext;
  extraIdentities?: IdentityKey[];
  now?: string;
}

/** A new contact checked and built in memory, ready to be written (see ContactsService.prepareNew). */
export interface NewContact {
  row: ContactsTable;
  identities: IdentityKey[];
  values: ContactFieldValuesTable[];
  changes: FieldChange[];
  /** Tag ids or names, found or created when written. */
  tags: string[];
}

/** What saving contacts in a workspace needs to know: its default country and custom field definitions. */
export interface ContactContext {
  defaultCountry: string;
  fields: FieldDefinition[];
}

/** Reads the context for saving contacts of a workspace (once per transaction, or per batch of an import). */
export async function contactContextOf(repos: Repositories, workspaceId: string): Promise<ContactContext> {
  const [workspace, fieldRows] = await Promise.all([
    repos.workspaces.find(workspaceId),
    repos.customFields.listDefinitions(workspaceId),
  ]);
  if (!workspace) throw notFound('Workspace');
  return { defaultCountry: workspace.default_country, fields: fieldRows.map(toFieldDefinition) };
}

type Editable = Partial<Pick<ContactsTable, EditableColumn>>;
type ProfileInput = Omit<ContactPatchInput, 'version' | 'custom'>;

/** Contacts: creation, reading, listing, field-level updates with history, deletion. */
export class ContactsService {
  constructor(private readonly uow: UnitOfWork) {}

  /** Creates a contact with identities, custom values and tags, and records a `created` event. */
  async createContact(
    scope: ContactScope,
    input: ContactCreateInput,
    options: CreateOptions = {},
  ): Promise<Contact> {
    return this.uow.transaction(async (repos) => {
      const context = await contactContextOf(repos, scope.workspaceId);
      const id = await this.createIn(repos, scope, input, { ...options, context });
      return this.readContact(repos, scope.workspaceId, id, context.fields);
    });
  }

  /**
   * Creates a contact inside a transaction the caller holds and returns its id; `extraIdentities` (a WhatsApp id)
   * are claimed with the phone and email.
   */
  async createIn(
    repos: Repositories,
    scope: ContactScope,
    input: ContactCreateInput,
    options: NewContactOptions,
  ): Promise<string> {
    const contact = await this.prepareNew(repos, scope, input, options);
    await this.claimIdentities(repos, scope.workspaceId, contact.row.id, contact.identities);
    await this.insertNew(repos, scope, [contact], contact.row.created_at);
    return contact.row.id;
  }

  /**
   * Checks a new contact and builds everything it will be written with, without writing: its row, identities,
   * custom values, the changes of its `created` event and its tags. Throws the validation errors.
   */
  async prepareNew(
    repos: Repositories,
    scope: ContactScope,
    input: ContactCreateInput,
    options: NewContactOptions,
  ): Promise<NewContact> {
    const { workspaceId } = scope;
    const { context } = options;
    const names = !input.firstName && !input.lastName && input.name ? splitFullName(input.name) : null;
    const profile: ProfileInput = {
      ...input,
      ...(names ? { firstName: names.first, lastName: names.last } : {}),
    };
    if (!profile.firstName && !profile.lastName && !profile.phone && !profile.email && !profile.company) {
      throw invalid([
        { path: 'name', message: 'a contact needs at least a name, a phone, an email or a company' },
      ]);
    }
    const id = newId();
    const errors: FieldError[] = [];
    const columns = await this.normalizeProfile(repos, workspaceId, profile, context.defaultCountry, errors);
    const custom = input.custom ?? {};
    if (options.enforceRequired !== false) errors.push(...missingRequiredFields(context.fields, custom));
    const plan = planCustomValues(
      workspaceId,
      id,
      context.fields,
      custom,
      {},
      this.phoneCheck(context.defaultCountry),
      false,
    );
    errors.push(...plan.errors, ...(await this.checkMembers(repos, workspaceId, plan.userIds)));
    if (errors.length) throw invalid(errors);

    const row = newContactRow(
      workspaceId,
      id,
      columns,
      input.source ?? (scope.actor.type === 'api_key' ? 'api' : 'manual'),
      options.now ?? nowIso(),
    );
    return {
      row,
      identities: [...identitiesOf(row), ...(options.extraIdentities ?? [])],
      values: plan.rows,
      changes: [...createdChanges(row), ...plan.changes, ...(options.changes ?? [])],
      tags: input.tags ?? [],
    };
  }

  /**
   * Writes contacts built by prepareNew, whose identities nobody holds, in a few multi-row statements inside the
   * caller's transaction: rows, identities, custom values, `created` events, then tags with their events.
   */
  async insertNew(
    repos: Repositories,
    scope: ContactScope,
    contacts: NewContact[],
    now: string,
  ): Promise<void> {
    const { workspaceId, actor } = scope;
    await repos.contacts.insert(contacts.map((c) => c.row));
    await repos.identities.insert(
      workspaceId,
      contacts.map((c) => ({ contactId: c.row.id, keys: c.identities })),
      now,
    );
    await repos.customFields.insertValues(contacts.flatMap((c) => c.values));
    await repos.events.appendMany(
      workspaceId,
      contacts.map((c) => ({ contactId: c.row.id, changes: c.changes })),
      'created',
      actor,
      now,
    );
    const names = [...new Set(contacts.flatMap((c) => c.tags))];
    if (names.length === 0) return;
    const tags = await resolveTags(repos, workspaceId, names, now);
    const tagOf = (ref: string) => tags.find((t) => t.id === ref || tagNameKey(t.name) === tagNameKey(ref));
    const links = contacts.flatMap((c) =>
      [...new Set(c.tags.map((ref) => tagOf(ref)).filter((t) => t !== undefined))].map((tag) => ({
        contactId: c.row.id,
        tag,
      })),
    );
    await repos.tags.linkNew(
      workspaceId,
      links.map((l) => ({ contactId: l.contactId, tagId: l.tag.id })),
      `${actor.type}:${actor.id ?? ''}`,
      now,
    );
    await repos.events.appendMany(
      workspaceId,
      links.map((l) => ({
        contactId: l.contactId,
        changes: [{ field: 'tags', before: null, after: l.tag.name }],
      })),
      'tag_added',
      actor,
      now,
    );
  }

  /** One contact, or 404 (also for contacts of other workspaces). */
  async getContact(workspaceId: string, id: string): Promise<Contact> {
    return this.readContact(this.uow.repos, workspaceId, id);
  }

  /** One page of contacts with a cursor to the next; `where` narrows it further (a compiled filter). */
  async listContacts(
    workspaceId: string,
    query: Omit<ContactListQuery, 'filter'>,
    where?: Expression<SqlBool>,
  ): Promise<{ data: Contact[]; nextCursor: string | null }> {
    const sort: ContactSort = query.sort;
    const { column, descending } = sortOrderOf(sort);
    const contains = query.q ? searchNeedle(query.q) : undefined;
    const rows = await this.uow.repos.contacts.listPage(workspaceId, {
      column,
      descending,
      limit: query.limit + 1,
      after: query.cursor ? decodeCursor(sort, query.cursor) : undefined,
      contains,
      where,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > query.limit && last ? encodeCursor(sort, { value: last[column], id: last.id }) : null;
    return { data: await this.hydrate(this.uow.repos, workspaceId, page), nextCursor };
  }

  /** Changes only the fields given, checks the version when one is given, and records each change. */
  async updateContact(
    scope: ContactScope,
    id: string,
    input: ContactPatchInput,
    expectedVersion?: number,
  ): Promise<Contact> {
    return this.uow.transaction(async (repos) => {
      const context = await contactContextOf(repos, scope.workspaceId);
      await this.updateIn(repos, scope, id, input, {
        context,
        expectedVersion: expectedVersion ?? input.version,
      });
      return this.readContact(repos, scope.workspaceId, id, context.fields);
    });
  }

  /**
   * Changes a contact inside a transaction the caller holds and returns how many fields changed (0: nothing
   * did, and nothing was written); `extraIdentities` (a WhatsApp id) are claimed too.
   */
  async updateIn(
    repos: Repositories,
    scope: ContactScope,
    id: string,
    input: ContactPatchInput,
    options: {
      context: ContactContext;
      expectedVersion?: number;
      extraIdentities?: IdentityKey[];
      changes?: FieldChange[];
      now?: string;
    },
  ): Promise<number> {
    const { workspaceId } = scope;
    const { context, expectedVersion: version } = options;
    const current = await repos.contacts.findForUpdate(workspaceId, id);
    if (!current) throw notFound('Contact');
    if (version !== undefined && version !== Number(current.version))
      throw versionConflict(Number(current.version));
    const errors: FieldError[] = [];
    const columns = await this.normalizeProfile(repos, workspaceId, input, context.defaultCountry, errors);
    const currentCustom = (await this.customValuesOf(repos, workspaceId, [id], context.fields)).get(id) ?? {};
    const plan = planCustomValues(
      workspaceId,
      id,
      context.fields,
      input.custom ?? {},
      currentCustom,
      this.phoneCheck(context.defaultCountry),
      true,
    );
    errors.push(...plan.errors, ...(await this.checkMembers(repos, workspaceId, plan.userIds)));
    if (errors.length) throw invalid(errors);

    const changes: FieldChange[] = [];
    const changed: Editable = {};
    for (const { path, column } of EDITABLE_COLUMNS) {
      const next = columns[column];
      if (next === undefined || next === current[column]) continue;
      changes.push({ field: path, before: current[column], after: next });
      Object.assign(changed, { [column]: next });
    }
    changes.push(...plan.changes);
    const held = options.extraIdentities?.length
      ? await repos.identities.findOwners(workspaceId, options.extraIdentities)
      : [];
    const extra = (options.extraIdentities ?? []).filter(
      (k) => !held.some((h) => h.kind === k.kind && h.value === k.value && h.contact_id === id),
    );
    if (changes.length === 0 && extra.length === 0) return 0;

    const now = options.now ?? nowIso();
    const merged = { ...current, ...changed };
    const before = identitiesOf(current);
    const after = identitiesOf(merged);
    const added = [
      ...after.filter((k) => !before.some((b) => b.kind === k.kind && b.value === k.value)),
      ...extra,
    ];
    const removed = before.filter((k) => !after.some((a) => a.kind === k.kind && a.value === k.value));
    await this.claimIdentities(repos, workspaceId, id, added);
    const updated = await repos.contacts.update(workspaceId, id, Number(current.version), {
      ...changed,
      ...derivedColumns(merged),
      updated_at: now,
    });
    if (!updated) throw versionConflict(Number(current.version) + 1);
    await repos.identities.remove(workspaceId, id, removed);
    await repos.identities.insert(workspaceId, [{ contactId: id, keys: added }], now);
    await repos.customFields.replaceValues(workspaceId, id, plan.fieldIds, plan.rows);
    await repos.events.append(
      workspaceId,
      id,
      'updated',
      [...changes, ...(options.changes ?? [])],
      scope.actor,
      now,
    );
    return changes.length + extra.length;
  }

  /** Deletes a contact with everything it carries; a `deleted` event stays in the log. */
  async deleteContact(scope: ContactScope, id: string): Promise<void> {
    await this.uow.transaction(async (repos) => {
      const current = await repos.contacts.find(scope.workspaceId, id);
      if (!current) throw notFound('Contact');
      await repos.contacts.delete(scope.workspaceId, id);
      await repos.events.append(
        scope.workspaceId,
        id,
        'deleted',
        [{ field: 'name', before: current.display_name, after: null }],
        scope.actor,
        nowIso(),
      );
    });
  }

  /** Puts tags on a contact by id or name (unknown names create tags). */
  async addTags(scope: ContactScope, id: string, refs: string[]): Promise<Contact> {
    return this.uow.transaction(async (repos) => {
      if (!(await repos.contacts.find(scope.workspaceId, id))) throw notFound('Contact');
      const now = nowIso();
      await tagContact(
        repos,
        scope.workspaceId,
        id,
        await resolveTags(repos, scope.workspaceId, refs, now),
        scope.actor,
        now,
      );
      return this.readContact(repos, scope.workspaceId, id);
    });
  }

  /** Takes a tag off a contact; 404 when the contact does not carry it. */
  async removeTag(scope: ContactScope, id: string, tagId: string): Promise<Contact> {
    return this.uow.transaction(async (repos) => {
      if (!(await repos.contacts.find(scope.workspaceId, id))) throw notFound('Contact');
      if ((await this.unlinkTags(repos, scope, id, [tagId])) === 0) throw notFound('Tag on this contact');
      return this.readContact(repos, scope.workspaceId, id);
    });
  }

  /** Takes tags off a contact; tags it does not carry are ignored. */
  async removeTags(scope: ContactScope, id: string, tagIds: string[]): Promise<void> {
    await this.uow.transaction(async (repos) => {
      if (!(await repos.contacts.find(scope.workspaceId, id))) throw notFound('Contact');
      await this.unlinkTags(repos, scope, id, tagIds);
    });
  }

  /** Identities of a contact (phone, email, WhatsApp ids, CRM ids). */
  async listIdentities(workspaceId: string, id: string): Promise<IdentityKey[]> {
    if (!(await this.uow.repos.contacts.find(workspaceId, id))) throw notFound('Contact');
    return this.uow.repos.identities.listForContact(workspaceId, id);
  }

  private async unlinkTags(
    repos: Repositories,
    scope: ContactScope,
    id: string,
    tagIds: string[],
  ): Promise<number> {
    let removed = 0;
    const now = nowIso();
    for (const tagId of tagIds) {
      const tag = await repos.tags.find(scope.workspaceId, tagId);
      if (!tag || !(await repos.tags.unlink(scope.workspaceId, id, tagId))) continue;
      await recordTagRemoved(repos, scope.workspaceId, [id], tag.name, scope.actor, now);
      removed++;
    }
    return removed;
  }

  /** Reads a contact back; `fields`, when the caller has the definitions already, saves reading them again. */
  private async readContact(
    repos: Repositories,
    workspaceId: string,
    id: string,
    fields?: FieldDefinition[],
  ): Promise<Contact> {
    const row = await repos.contacts.find(workspaceId, id);
    if (!row) throw notFound('Contact');
    const [contact] = await this.hydrate(repos, workspaceId, [row], fields);
    if (!contact) throw notFound('Contact');
    return contact;
  }

  private async hydrate(
    repos: Repositories,
    workspaceId: string,
    rows: ContactsTable[],
    known?: FieldDefinition[],
  ): Promise<Contact[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [tagRows, fields] = await Promise.all([
      repos.tags.tagsForContacts(workspaceId, ids),
      known ?? repos.customFields.listDefinitions(workspaceId).then((defs) => defs.map(toFieldDefinition)),
    ]);
    const custom = await this.customValuesOf(repos, workspaceId, ids, fields);
    const tagsByContact = new Map<string, Contact['tags']>();
    for (const t of tagRows) {
      const list = tagsByContact.get(t.contact_id) ?? [];
      list.push({ id: t.id, name: t.name, color: t.color, category: t.category });
      tagsByContact.set(t.contact_id, list);
    }
    return rows.map((row) => toContact(row, tagsByContact.get(row.id) ?? [], custom.get(row.id) ?? {}));
  }

  private async customValuesOf(
    repos: Repositories,
    workspaceId: string,
    ids: string[],
    fields: FieldDefinition[],
  ) {
    if (fields.length === 0) return new Map<string, Record<string, CustomValue>>();
    const rows = await repos.customFields.valuesForContacts(workspaceId, ids);
    return rowsToCustomValues(new Map(fields.map((f) => [f.id, f])), rows);
  }

  private phoneCheck(defaultCountry: string) {
    return { normalizePhone: (raw: string) => normalizePhone(raw, defaultCountry) };
  }

  private async checkMembers(
    repos: Repositories,
    workspaceId: string,
    refs: Array<{ path: string; id: string }>,
  ): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    for (const ref of refs) {
      if (!(await repos.users.find(workspaceId, ref.id)))
        errors.push({ path: ref.path, message: 'is not a member of this workspace' });
    }
    return errors;
  }

  /** Validates and normalises the profile fields given; collects errors naming each field. */
  private async normalizeProfile(
    repos: Repositories,
    workspaceId: string,
    input: ProfileInput,
    defaultCountry: string,
    errors: FieldError[],
  ): Promise<Editable> {
    const columns: Editable = {};
    for (const [key, column] of Object.entries(PROFILE_COLUMNS)) {
      const value = input[key as keyof typeof PROFILE_COLUMNS];
      if (value !== undefined) Object.assign(columns, { [column]: value });
    }
    for (const [key, column] of Object.entries(ADDRESS_COLUMNS)) {
      const value = input.address?.[key as keyof typeof ADDRESS_COLUMNS];
      if (value !== undefined) Object.assign(columns, { [column]: value });
    }
    for (const network of SOCIAL_NETWORKS) {
      const value = input.social?.[network];
      if (value === undefined) continue;
      const url = value === null ? null : normalizeSocialProfile(network, value);
      if (value !== null && url === null)
        errors.push({ path: `social.${network}`, message: 'must be a profile link or handle' });
      else Object.assign(columns, { [SOCIAL_COLUMNS[network]]: url });
    }
    if (typeof input.phone === 'string') {
      const phone = normalizePhone(input.phone, defaultCountry);
      if (!phone)
        errors.push({
          path: 'phone',
          message: `is not a valid phone number (numbers without a country code are read as ${defaultCountry})`,
        });
      else columns.phone = phone;
    }
    if (input.assigneeId && !(await repos.users.find(workspaceId, input.assigneeId))) {
      errors.push({ path: 'assigneeId', message: 'is not a member of this workspace' });
    }
    return columns;
  }

  /** Refuses identities that belong to another contact, naming the field and the holder. */
  private async claimIdentities(
    repos: Repositories,
    workspaceId: string,
    contactId: string,
    keys: IdentityKey[],
  ): Promise<void> {
    const owners = (await repos.identities.findOwners(workspaceId, keys)).filter(
      (o) => o.contact_id !== contactId,
    );
    const [owner] = owners;
    if (!owner) return;
    const holder = await repos.contacts.find(workspaceId, owner.contact_id);
    throw new AppError(
      'identity_taken',
      409,
      `This ${owner.kind} already belongs to ${holder?.display_name ?? 'another contact'}`,
      owners.map((o) => ({ path: o.kind, message: `already belongs to contact ${o.contact_id}` })),
      { contactId: owner.contact_id },
    );
  }
}

function versionConflict(currentVersion: number): AppError {
  return new AppError(
    'version_conflict',
    409,
    'Someone else changed this contact meanwhile; reload it and apply your change again',
    undefined,
    {
      currentVersion,
    },
  );
}
