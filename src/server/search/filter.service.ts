import type { Expression, SqlBool } from 'kysely';
import { evaluateFilter, type FilterSubject } from '../../shared/filter/evaluate-filter.js';
import { filterFieldsOf, type FilterField } from '../../shared/filter/filter-fields.js';
import { isCondition, type FilterNode } from '../../shared/filter/filter-tree.js';
import { validateFilter } from '../../shared/filter/validate-filter.js';
import { tagNameKey } from '../../shared/tag-name.js';
import type { ContactsService } from '../contacts/contacts.service.js';
import { toFieldDefinition } from '../custom-fields/custom-field-values.js';
import type { SqlDialect } from '../db/dialects/dialect.js';
import type { UnitOfWork } from '../db/repositories.js';
import { invalid, invalidField, notFound } from '../http/errors.js';
import { compileFilter } from './compile-filter.js';
import type { FilterRepository } from './filter.repository.js';

/** A workspace's filter fields, and the definition id of each custom one. */
interface WorkspaceFields {
  fields: Map<string, FilterField>;
  customFieldIds: Map<string, string>;
}

/** Every tag name a filter mentions. */
function tagNamesIn(node: FilterNode): string[] {
  if ('and' in node) return node.and.flatMap(tagNamesIn);
  if ('or' in node) return node.or.flatMap(tagNamesIn);
  if (!isCondition(node)) return tagNamesIn(node.not);
  return node.field === 'tags' && Array.isArray(node.value) ? node.value.map(String) : [];
}

/** The filter checked against the fields, or a 400 whose errors point into the tree (`filter.and.0.value`). */
function checked(raw: unknown, fields: ReadonlyMap<string, FilterField>): FilterNode {
  const check = validateFilter(raw, fields);
  if (check.ok) return check.filter;
  throw invalid(
    check.issues.map((issue) => ({
      path: issue.path ? `filter.${issue.path}` : 'filter',
      message: issue.message,
    })),
  );
}

/**
 * The filter language on the server: checks filters against a workspace's fields, compiles them to SQL for the
 * contact list, counts and pages matching ids for bulk actions and segments, and evaluates one contact in memory.
 */
export class FilterService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly contacts: ContactsService,
    private readonly filterRepo: FilterRepository,
    private readonly dialect: SqlDialect,
  ) {}

  /** The filter checked against the workspace's fields; a 400 naming the field (`filter.and.0.value`) when not valid. */
  async checkFilter(workspaceId: string, raw: unknown): Promise<FilterNode> {
    return checked(raw, (await this.fieldsOf(workspaceId)).fields);
  }

  /** Reads and checks the `filter` query parameter (URL-encoded JSON); undefined when there is none. */
  async whereOfParam(
    workspaceId: string,
    param: string | undefined,
  ): Promise<Expression<SqlBool> | undefined> {
    if (param === undefined || param.trim() === '') return undefined;
    let raw: unknown;
    try {
      raw = JSON.parse(param);
    } catch {
      throw invalidField('filter', 'is not valid JSON');
    }
    return this.whereOf(workspaceId, raw);
  }

  /** A filter (checked here, 400 when not valid) as a condition on the contacts table, relative dates counted back from `now`. */
  async whereOf(workspaceId: string, filter: unknown, now = Date.now()): Promise<Expression<SqlBool>> {
    const { fields, customFieldIds } = await this.fieldsOf(workspaceId);
    const tree = checked(filter, fields);
    const keys = [...new Set(tagNamesIn(tree).map(tagNameKey))];
    const tags = await this.uow.repos.tags.findByIdsOrNameKeys(workspaceId, [], keys);
    return compileFilter(tree, {
      workspaceId,
      dialect: this.dialect.name,
      searchText: this.dialect.searchText,
      fields,
      customFieldIds,
      tagIds: new Map(tags.map((t) => [t.name_key, t.id])),
      now,
    });
  }

  /** How many contacts of the workspace match. */
  async countMatching(workspaceId: string, filter: FilterNode, now = Date.now()): Promise<number> {
    return this.uow.repos.contacts.count(
      workspaceId,
      undefined,
      await this.whereOf(workspaceId, filter, now),
    );
  }

  /** The ids of the matching contacts, a page at a time, in ascending id order (each page its own query). */
  async *matchingIdPages(
    workspaceId: string,
    filter: FilterNode,
    pageSize: number,
    now = Date.now(),
  ): AsyncGenerator<string[]> {
    const where = await this.whereOf(workspaceId, filter, now);
    let after: string | null = null;
    for (;;) {
      const ids = await this.filterRepo.idsPage(workspaceId, where, after, pageSize);
      if (ids.length > 0) yield ids;
      if (ids.length < pageSize) return;
      after = ids.at(-1) ?? null;
    }
  }

  /** Whether one contact matches, evaluated in memory (smart tags on a single change, previews). */
  async matchesContact(
    workspaceId: string,
    contactId: string,
    filter: FilterNode,
    now = Date.now(),
  ): Promise<boolean> {
    const { fields } = await this.fieldsOf(workspaceId);
    return evaluateFilter(filter, await this.subjectOf(workspaceId, contactId), fields, now);
  }

  /** What a filter is evaluated on for one contact: the contact, its identity kinds, consents and search text. */
  async subjectOf(workspaceId: string, contactId: string): Promise<FilterSubject> {
    const { repos } = this.uow;
    const searchText = await this.filterRepo.searchTextOf(workspaceId, contactId);
    if (searchText === undefined) throw notFound('Contact');
    const [contact, identities, ledger] = await Promise.all([
      this.contacts.getContact(workspaceId, contactId),
      repos.identities.listForContact(workspaceId, contactId),
      repos.consents.listForContact(workspaceId, contactId),
    ]);
    const consents: Record<string, string> = {};
    for (const row of ledger) consents[`${row.channel}.${row.purpose}`] ??= row.status;
    return { contact, identityKinds: identities.map((i) => i.kind), consents, searchText };
  }

  private async fieldsOf(workspaceId: string): Promise<WorkspaceFields> {
    const definitions = (await this.uow.repos.customFields.listDefinitions(workspaceId)).map(
      toFieldDefinition,
    );
    return {
      fields: filterFieldsOf(definitions),
      customFieldIds: new Map(definitions.map((d) => [`custom.${d.key}`, d.id])),
    };
  }
}
