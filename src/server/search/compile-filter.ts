import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { asciiLower } from '../../shared/filter/ascii-lower.js';
import type { FilterField } from '../../shared/filter/filter-fields.js';
import { dateRangeOf, instantRangeOf, type FilterRange } from '../../shared/filter/filter-range.js';
import {
  isCondition,
  POSITIVE_OF,
  type FilterCondition,
  type FilterNode,
} from '../../shared/filter/filter-tree.js';
import { WHATSAPP_IDENTITY_KINDS, WINDOW_MS } from '../../shared/filter/standard-values.js';
import { searchNeedle } from '../../shared/search-needle.js';
import { tagNameKey } from '../../shared/tag-name.js';
import { ADDRESS_COLUMNS, PROFILE_COLUMNS, SOCIAL_COLUMNS } from '../contacts/contact-columns.js';
import type { SearchTextIndex } from '../db/dialects/search-text.js';
import type { ContactsTable } from '../db/schema.js';

/** What compiling a filter needs besides the tree: the workspace, its fields, tag ids by name key, and the time. */
export interface FilterCompileContext {
  workspaceId: string;
  dialect: 'sqlite' | 'postgres';
  fields: ReadonlyMap<string, FilterField>;
  /** Definition id of each custom filter field (`custom.ltv` → its id). */
  customFieldIds: ReadonlyMap<string, string>;
  /** Tag id by name key (`tagNameKey`); names missing here belong to no tag and match nothing. */
  tagIds: ReadonlyMap<string, string>;
  /** The time relative dates count back from, in ms. */
  now: number;
  /** How the dialect finds a substring of the folded search text (the `search` field, like the list's `q`). */
  searchText: SearchTextIndex;
}

type Sql = RawBuilder<SqlBool>;

/** The contacts column of each filter field stored in one; `assignee` is the filter's name for `assigneeId`. */
const COLUMNS: Record<string, string> = {
  ...PROFILE_COLUMNS,
  ...ADDRESS_COLUMNS,
  ...SOCIAL_COLUMNS,
  name: 'display_name',
  assignee: 'assignee_id',
  whatsappName: 'whatsapp_name',
  source: 'source',
  firstContactAt: 'first_contact_at',
  lastContactAt: 'last_contact_at',
  lastInboundAt: 'last_inbound_at',
  lastOutboundAt: 'last_outbound_at',
  conversationCount: 'conversation_count',
  messageCount: 'message_count',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} satisfies Record<string, keyof ContactsTable>;

const TRUE: Sql = sql<SqlBool>`1 = 1`;
const FALSE: Sql = sql<SqlBool>`1 = 0`;

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
const joined = (parts: Sql[], glue: 'and' | 'or', empty: Sql): Sql =>
  parts.length === 0
    ? empty
    : parts.length === 1
      ? (parts[0] as Sql)
      : sql<SqlBool>`(${sql.join(parts, glue === 'and' ? sql` and ` : sql` or `)})`;

/** Kinds whose columns hold text, where '' counts as empty like a missing value. */
const TEXT_LIKE = new Set<FilterField['kind']>(['text', 'select', 'user']);

/** Compiles conditions for one workspace, dialect and time. */
class FilterCompiler {
  constructor(private readonly ctx: FilterCompileContext) {}

  node(node: FilterNode): Sql {
    if ('and' in node)
      return joined(
        node.and.map((n) => this.node(n)),
        'and',
        TRUE,
      );
    if ('or' in node)
      return joined(
        node.or.map((n) => this.node(n)),
        'or',
        FALSE,
      );
    if (!isCondition(node)) return sql<SqlBool>`not (${this.node(node.not)})`;
    const positive = POSITIVE_OF[node.op];
    return positive ? sql<SqlBool>`not (${this.condition({ ...node, op: positive })})` : this.condition(node);
  }

  /** A positive condition, written so that it is never NULL (NOT then means exactly "does not match"). */
  private condition(condition: FilterCondition): Sql {
    const field = this.ctx.fields.get(condition.field);
    if (!field) throw new Error(`unknown filter field ${condition.field}`);
    if (field.id.startsWith('custom.')) return this.custom(field, condition);
    if (field.kind === 'consent') return this.consent(field.id, list(condition.value));
    switch (field.id) {
      case 'tags':
        return this.tags(condition);
      case 'search':
        return sql<SqlBool>`${this.ctx.searchText.contains(searchNeedle(String(condition.value)))}`;
      case 'hasWhatsapp':
        return this.boolean(
          sql<SqlBool>`contacts.id in (select contact_id from contact_identities where workspace_id = ${this.ctx.workspaceId} and kind in (${sql.join([...WHATSAPP_IDENTITY_KINDS])}))`,
          condition,
        );
      case 'hasEmail':
        return this.boolean(sql<SqlBool>`(contacts.email is not null and contacts.email <> '')`, condition);
      case 'windowOpen': {
        const since = new Date(this.ctx.now - WINDOW_MS).toISOString();
        return this.boolean(
          sql<SqlBool>`(contacts.last_inbound_at is not null and contacts.last_inbound_at > ${since})`,
          condition,
        );
      }
    }
    const column = COLUMNS[field.id];
    if (!column) throw new Error(`${field.id} has no column`);
    return this.value(field, condition, sql.ref(`contacts.${column}`), false);
  }

  /** `value` is a column of contacts, or text_value / number_value inside a custom-value subquery. */
  private value(
    field: FilterField,
    condition: FilterCondition,
    value: RawBuilder<unknown>,
    stored: boolean,
  ): Sql {
    const { op } = condition;
    const present = sql<SqlBool>`${value} is not null`;
    if (op === 'is_empty')
      return TEXT_LIKE.has(field.kind)
        ? sql<SqlBool>`(${value} is null or ${value} = '')`
        : sql<SqlBool>`${value} is null`;
    switch (field.kind) {
      case 'text': {
        const lowered = this.lower(value);
        const needle = asciiLower(String(condition.value));
        if (op === 'eq') return sql<SqlBool>`(${present} and ${lowered} = ${needle})`;
        const pattern = op === 'contains' ? `%${escapeLike(needle)}%` : `${escapeLike(needle)}%`;
        return sql<SqlBool>`(${present} and ${lowered} like ${pattern} escape '\\')`;
      }
      case 'number': {
        if (op === 'between') {
          const [low, high] = list(condition.value).map(Number);
          return sql<SqlBool>`(${present} and ${value} >= ${this.number(low)} and ${value} <= ${this.number(high)})`;
        }
        const symbol = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' }[op as 'eq'];
        return sql<SqlBool>`(${present} and ${value} ${sql.raw(symbol)} ${this.number(Number(condition.value))})`;
      }
      case 'date':
        return this.range(value, dateRangeOf(condition, this.ctx.now), stored);
      case 'datetime':
        return this.range(value, instantRangeOf(condition, this.ctx.now), stored);
      case 'select':
      case 'user':
      case 'multi_select':
        return sql<SqlBool>`(${present} and ${value} in (${sql.join(list(condition.value))}))`;
      default:
        throw new Error(`${field.kind} fields are not stored in a column`);
    }
  }

  /**
   * Custom values live in contact_field_values: numbers and booleans in number_value, the rest in text_value.
   * Each test is a correlated EXISTS answered by the primary key (workspace, contact, field), so that a segment
   * driven by a selective condition probes only its candidates instead of listing every value of the field. On
   * SQLite the value column is wrapped in a no-op `+` so that the planner never scans the field's value index
   * once per contact instead.
   */
  private custom(field: FilterField, condition: FilterCondition): Sql {
    const fieldId = this.ctx.customFieldIds.get(field.id);
    if (!fieldId) throw new Error(`no definition for ${field.id}`);
    const numeric = field.kind === 'number' || field.kind === 'boolean';
    const name = numeric ? 'v.number_value' : 'v.text_value';
    const column = this.ctx.dialect === 'sqlite' ? sql`+${sql.ref(name)}` : sql.ref(name);
    const having = (test: Sql) =>
      sql<SqlBool>`exists (select 1 from contact_field_values v where v.workspace_id = contacts.workspace_id and v.contact_id = contacts.id and v.field_id = ${fieldId} and ${test})`;
    const { op } = condition;
    if (op === 'is_empty') {
      const filled = numeric
        ? sql<SqlBool>`${column} is not null`
        : sql<SqlBool>`${column} is not null and ${column} <> ''`;
      return sql<SqlBool>`not (${having(filled)})`;
    }
    if (field.kind === 'boolean') return this.boolean(having(sql<SqlBool>`${column} = 1`), condition);
    if (field.kind === 'multi_select' && op === 'has_all')
      return joined(
        list(condition.value).map((choice) => having(sql<SqlBool>`${column} = ${choice}`)),
        'and',
        TRUE,
      );
    return having(this.value(field, condition, column, true));
  }

  private tags(condition: FilterCondition): Sql {
    const { workspaceId, tagIds } = this.ctx;
    const tagged = (ids: string[]) =>
      ids.length === 0
        ? FALSE
        : sql<SqlBool>`contacts.id in (select contact_id from contact_tags where workspace_id = ${workspaceId} and tag_id in (${sql.join(ids)}))`;
    if (condition.op === 'is_empty')
      return sql<SqlBool>`contacts.id not in (select contact_id from contact_tags where workspace_id = ${workspaceId})`;
    const keys = [...new Set(list(condition.value).map(tagNameKey))];
    const ids = keys.map((key) => tagIds.get(key));
    if (condition.op === 'has_all')
      return ids.includes(undefined)
        ? FALSE
        : joined(
            ids.map((id) => tagged([id as string])),
            'and',
            TRUE,
          );
    return tagged(ids.filter((id) => id !== undefined));
  }

  /** The newest consent record per channel and purpose decides; `none` is a contact without one. */
  private consent(fieldId: string, states: string[]): Sql {
    const [, channel, purpose] = fieldId.split('.');
    const { workspaceId } = this.ctx;
    const recorded = states.filter((s) => s !== 'none');
    const parts: Sql[] = [];
    if (recorded.length)
      parts.push(sql<SqlBool>`contacts.id in (
        select c.contact_id from consents c
        where c.workspace_id = ${workspaceId} and c.channel = ${channel} and c.purpose = ${purpose}
          and c.status in (${sql.join(recorded)})
          and not exists (
            select 1 from consents n
            where n.workspace_id = c.workspace_id and n.contact_id = c.contact_id
              and n.channel = c.channel and n.purpose = c.purpose and n.id > c.id))`);
    if (states.includes('none'))
      parts.push(
        sql<SqlBool>`contacts.id not in (select contact_id from consents where workspace_id = ${workspaceId} and channel = ${channel} and purpose = ${purpose})`,
      );
    return joined(parts, 'or', FALSE);
  }

  private boolean(holds: Sql, condition: FilterCondition): Sql {
    return condition.value === true ? holds : sql<SqlBool>`not (${holds})`;
  }

  private range(value: RawBuilder<unknown>, range: FilterRange, stored: boolean): Sql {
    const compared = stored && this.ctx.dialect === 'postgres' ? sql`${value} collate "C"` : value;
    const parts: Sql[] = [sql<SqlBool>`${value} is not null`];
    if (range.from !== undefined)
      parts.push(sql<SqlBool>`${compared} ${sql.raw(range.fromInclusive ? '>=' : '>')} ${range.from}`);
    if (range.to !== undefined)
      parts.push(sql<SqlBool>`${compared} ${sql.raw(range.toInclusive ? '<=' : '<')} ${range.to}`);
    return joined(parts, 'and', TRUE);
  }

  /** ASCII-only lower-casing on both engines (SQLite's lower() is ASCII-only; PostgreSQL's is not). */
  private lower(value: RawBuilder<unknown>): RawBuilder<unknown> {
    return this.ctx.dialect === 'postgres'
      ? sql`translate(${value}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`
      : sql`lower(${value})`;
  }

  /** A number parameter; PostgreSQL would otherwise read it as the column's type (an integer refuses 2.5). */
  private number(value: number | undefined): RawBuilder<unknown> {
    return this.ctx.dialect === 'postgres' ? sql`cast(${value} as double precision)` : sql`${value}`;
  }
}

/**
 * Compiles a validated filter to a condition on the `contacts` table of one workspace, for both databases.
 * Custom values, tags, identities and consents are tested with `contacts.id in (select contact_id …)`
 * subqueries; every value is a bound parameter. The meaning is exactly that of `evaluateFilter`.
 */
export function compileFilter(filter: FilterNode, ctx: FilterCompileContext): Expression<SqlBool> {
  return new FilterCompiler(ctx).node(filter);
}
