import type { Expression, SqlBool } from 'kysely';
import type { ExportSelection } from '../../shared/export-schemas.js';
import { searchNeedle } from '../../shared/search-needle.js';
import { rowsToCustomValues, type FieldDefinition } from '../custom-fields/custom-field-values.js';
import type { Repositories } from '../db/repositories.js';
import type { ExportRecord } from './export-cells.js';
import type { ExportColumn } from './export-columns.js';
import type { ContactSlice, ExportContactRow } from './export-contacts.repository.js';

/** Contacts read per query: large enough to keep queries few, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 2000;

/** What the columns need read besides the contact row. */
export interface ExportNeeds {
  tags: boolean;
  whatsappId: boolean;
  /** Custom fields whose values are exported. */
  fields: FieldDefinition[];
}

/** A page of records, and how many items of the selection it consumed (listed ids that do not exist count too). */
export interface ExportPage {
  records: ExportRecord[];
  processed: number;
}

/** What the columns need read besides the contact row. */
export function needsOf(columns: ExportColumn[]): ExportNeeds {
  return {
    tags: columns.some((c) => c.kind === 'tags'),
    whatsappId: columns.some((c) => c.kind === 'standard' && c.id === 'whatsappId'),
    fields: columns.flatMap((c) => (c.kind === 'custom' ? [c.field] : [])),
  };
}

/** What stays the same through one export: what to read, and every tag's name and place in name order. */
interface PageContext {
  repos: Repositories;
  workspaceId: string;
  needs: ExportNeeds;
  fieldsById: Map<string, FieldDefinition>;
  tags: Map<string, { name: string; rank: number }>;
}

/** Reads a page's tags, custom values and WhatsApp ids with one query each, and joins them to the rows. */
async function hydrate(
  context: PageContext,
  rows: ExportContactRow[],
  slice: ContactSlice,
): Promise<ExportRecord[]> {
  const { repos, workspaceId, needs } = context;
  const [links, values, whatsappRows] = await Promise.all([
    needs.tags ? repos.exportContacts.tagLinks(workspaceId, slice) : [],
    needs.fields.length ? repos.exportContacts.fieldValues(workspaceId, slice) : [],
    needs.whatsappId ? repos.exportContacts.whatsappIds(workspaceId, slice) : [],
  ]);
  const tagIds = new Map<string, string[]>();
  for (const { contact_id, tag_id } of links) {
    const carried = tagIds.get(contact_id);
    if (carried) carried.push(tag_id);
    else tagIds.set(contact_id, [tag_id]);
  }
  const custom = rowsToCustomValues(context.fieldsById, values);
  const whatsappIds = new Map<string, string>();
  for (const { contact_id, value } of whatsappRows) {
    const known = whatsappIds.get(contact_id);
    if (known === undefined || value < known) whatsappIds.set(contact_id, value);
  }
  const tagNamesOf = (contactId: string): string[] => {
    const carried = tagIds.get(contactId);
    if (!carried) return [];
    return carried
      .flatMap((id) => context.tags.get(id) ?? [])
      .sort((a, b) => a.rank - b.rank)
      .map((tag) => tag.name);
  };
  return rows.map((contact) => ({
    contact,
    tags: tagNamesOf(contact.id),
    custom: custom.get(contact.id) ?? {},
    whatsappId: whatsappIds.get(contact.id) ?? null,
  }));
}

/** The selected contacts in id order, a page at a time, each page hydrated with what the columns need. */
export async function* readExportPages(
  repos: Repositories,
  workspaceId: string,
  selection: ExportSelection,
  needs: ExportNeeds,
  pageSize = EXPORT_PAGE_SIZE,
  where?: Expression<SqlBool>,
): AsyncGenerator<ExportPage> {
  const tags = needs.tags ? await repos.exportContacts.tagsByName(workspaceId) : [];
  const context: PageContext = {
    repos,
    workspaceId,
    needs,
    fieldsById: new Map(needs.fields.map((f) => [f.id, f])),
    tags: new Map(tags.map((tag, rank) => [tag.id, { name: tag.name, rank }])),
  };
  if ('ids' in selection) {
    const ids = [...new Set(selection.ids)].sort();
    for (let start = 0; start < ids.length; start += pageSize) {
      const chunk = ids.slice(start, start + pageSize);
      const rows = await repos.exportContacts.findByIds(workspaceId, chunk);
      yield { records: await hydrate(context, rows, { ids: chunk }), processed: chunk.length };
    }
    return;
  }
  const contains = needleOf(selection);
  let afterId: string | undefined;
  for (;;) {
    const rows = await repos.exportContacts.pageAfter(workspaceId, afterId, pageSize, contains, where);
    const [first, last] = [rows[0], rows.at(-1)];
    if (!first || !last) return;
    // Every contact between the first and the last of a page of all contacts is on the page: read by range.
    const slice: ContactSlice =
      contains || where ? { ids: rows.map((r) => r.id) } : { firstId: first.id, lastId: last.id };
    yield { records: await hydrate(context, rows, slice), processed: rows.length };
    if (rows.length < pageSize) return;
    afterId = last.id;
  }
}

/** How many items the selection has: listed ids (without repeats), or matching contacts (`where`: its filter's condition). */
export async function countSelection(
  repos: Repositories,
  workspaceId: string,
  selection: ExportSelection,
  where?: Expression<SqlBool>,
): Promise<number> {
  if ('ids' in selection) return new Set(selection.ids).size;
  return repos.contacts.count(workspaceId, needleOf(selection), where);
}

/** The search needle of a selection that has search text. */
function needleOf(selection: ExportSelection): string | undefined {
  return 'q' in selection && selection.q ? searchNeedle(selection.q) : undefined;
}
