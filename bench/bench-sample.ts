import type { ContactKeyset } from '../src/server/contacts/contacts.repository.js';
import { encodeCursor } from '../src/server/contacts/contact-cursor.js';
import type { BareDatabase } from './bare-database.js';

/** Ids and list positions picked from the seeded data, read with bare queries. */
export interface BenchSample {
  /** Random contact ids for GET and PATCH. */
  ids: string[];
  /** The keyset of the row about 90% down the list sorted by name. */
  deepKeyset: ContactKeyset;
  /** A cursor for the page after that row, encoded like the API's own cursors. */
  deepCursor: string;
  /** Cursors spread evenly over the whole list, for the mixed load. */
  cursors: string[];
}

const SPREAD = 200;
const DEEP_FRACTION = 0.9;

/** Picks `idCount` random contact ids and keysets spread over the name order. */
export async function sampleContacts(
  bare: BareDatabase,
  workspaceId: string,
  total: number,
  idCount: number,
): Promise<BenchSample> {
  const ids = await bare.all<{ id: string }>(
    'select id from contacts where workspace_id = ? order by random() limit ?',
    [workspaceId, idCount],
  );
  const step = Math.max(1, Math.floor(total / SPREAD));
  const keys = await bare.all<{ sort_name: string; id: string }>(
    `select sort_name, id from (
       select sort_name, id, row_number() over (order by sort_name, id) as n
       from contacts where workspace_id = ?) as ranked
     where n % ? = 0 order by n`,
    [workspaceId, step],
  );
  const deep = keys[Math.min(keys.length - 1, Math.floor(keys.length * DEEP_FRACTION))];
  if (!deep || ids.length === 0) throw new Error('the seeded workspace has no contacts to sample');
  const deepKeyset = { value: deep.sort_name, id: deep.id };
  return {
    ids: ids.map((r) => r.id),
    deepKeyset,
    deepCursor: encodeCursor('name', deepKeyset),
    cursors: keys.map((k) => encodeCursor('name', { value: k.sort_name, id: k.id })),
  };
}
