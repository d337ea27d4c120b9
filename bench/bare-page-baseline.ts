import type { ContactKeyset } from '../src/server/contacts/contacts.repository.js';
import type { BareDatabase } from './bare-database.js';
import { timeSequentially, type LatencySummary } from './percentiles.js';

const PAGE = 50;

const FIRST_PAGE = `select * from contacts where workspace_id = ? order by sort_name, id limit ${PAGE + 1}`;
const AFTER_KEYSET = `select * from contacts where workspace_id = ? and (sort_name, id) > (?, ?)
  order by sort_name, id limit ${PAGE + 1}`;
const tagsOf = (count: number) =>
  `select ct.contact_id, t.id, t.name, t.color, t.category from contact_tags ct
   join tags t on t.workspace_id = ct.workspace_id and t.id = ct.tag_id
   where ct.workspace_id = ? and ct.contact_id in (${Array.from({ length: count }, () => '?').join(', ')})
   order by t.name_key`;

/** Reads one page of contacts sorted by name, with their tags, as plain SQL. */
async function readPage(bare: BareDatabase, workspaceId: string, after?: ContactKeyset): Promise<number> {
  const rows = after
    ? await bare.all<{ id: string }>(AFTER_KEYSET, [workspaceId, after.value, after.id])
    : await bare.all<{ id: string }>(FIRST_PAGE, [workspaceId]);
  const page = rows.slice(0, PAGE);
  const tags = await bare.all(tagsOf(page.length), [workspaceId, ...page.map((r) => r.id)]);
  return page.length + tags.length;
}

/** Latency of the first page and of the page after `deep`, read with bare queries in this process. */
export async function measureBarePages(
  bare: BareDatabase,
  workspaceId: string,
  deep: ContactKeyset,
  samples: number,
): Promise<{ first: LatencySummary; deep: LatencySummary }> {
  return {
    first: await timeSequentially(samples, () => readPage(bare, workspaceId).then(() => undefined)),
    deep: await timeSequentially(samples, () => readPage(bare, workspaceId, deep).then(() => undefined)),
  };
}
