import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestRuntime } from '../../../test/support/test-database.js';
import { CONTACT_SORTS, type ContactSort } from '../../shared/contact-schemas.js';
import type { Runtime } from '../runtime.js';
import { seedBulkContacts } from '../seed/bulk-contacts.js';

const COUNT = 240;
const FIELDS: Record<string, 'sortName' | 'createdAt' | 'lastContactAt'> = {
  name: 'sortName',
  createdAt: 'createdAt',
  lastContactAt: 'lastContactAt',
};

interface Key {
  id: string;
  sortName: string;
  createdAt: string;
  lastContactAt: string | null;
}

/** The order the API promises: by the sort value (bytewise, missing values last either way), then by id. */
function expectedOrder(keys: Key[], sort: ContactSort): string[] {
  const field = FIELDS[sort.replace(/^-/, '')] ?? 'sortName';
  const sign = sort.startsWith('-') ? -1 : 1;
  const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
  return [...keys]
    .sort((a, b) => {
      const x = a[field];
      const y = b[field];
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else if (x !== y) return sign * bytes(x, y);
      return sign * bytes(a.id, b.id);
    })
    .map((k) => k.id);
}

describeEachDialect('contact list paging', (dialect) => {
  let runtime: Runtime;
  let workspaceId: string;
  let keys: Key[];
  beforeAll(async () => {
    runtime = await openTestRuntime(dialect);
    workspaceId = (await runtime.services.workspaces.createWorkspace('Paging', 'BR')).id;
    await seedBulkContacts(runtime.services, workspaceId, COUNT);
    const all = await runtime.services.contacts.listContacts(workspaceId, { sort: 'name', limit: COUNT + 1 });
    keys = all.data.map((c) => ({
      id: c.id,
      sortName: '',
      createdAt: c.createdAt,
      lastContactAt: c.lastContactAt,
    }));
    const sortNames = await runtime.db.kysely
      .selectFrom('contacts')
      .select(['id', 'sort_name'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    const byId = new Map(sortNames.map((r) => [r.id, r.sort_name]));
    for (const key of keys) key.sortName = byId.get(key.id) ?? '';
  });
  afterAll(async () => runtime.close());

  it('has seeded equal names and contacts never contacted, the cases keysets get wrong', () => {
    expect(keys).toHaveLength(COUNT);
    expect(new Set(keys.map((k) => k.sortName)).size).toBeLessThan(COUNT);
    expect(keys.some((k) => k.lastContactAt === null)).toBe(true);
    expect(keys.some((k) => k.lastContactAt !== null)).toBe(true);
  });

  for (const sort of CONTACT_SORTS) {
    it(`pages by ${sort} in the promised order, without gaps or repeats`, async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await runtime.services.contacts.listContacts(workspaceId, { sort, limit: 7, cursor });
        seen.push(...page.data.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(expectedOrder(keys, sort));
    });
  }

  for (const sort of CONTACT_SORTS) {
    it(`gives anchors that resume the ${sort} order exactly at every 100th row`, async () => {
      const order = expectedOrder(keys, sort);
      const anchors = await runtime.services.contactPositions.listAnchors(workspaceId, { sort, every: 100 });
      expect(anchors.cursors).toHaveLength(Math.floor(COUNT / 100));
      for (const [index, cursor] of anchors.cursors.entries()) {
        const page = await runtime.services.contacts.listContacts(workspaceId, { sort, limit: 3, cursor });
        expect(page.data.map((c) => c.id)).toEqual(order.slice((index + 1) * 100, (index + 1) * 100 + 3));
      }
    });
  }

  it('counts and anchors a searched list the same way the list pages it', async () => {
    const q = 'a';
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await runtime.services.contacts.listContacts(workspaceId, {
        sort: '-name',
        q,
        limit: 50,
        cursor,
      });
      seen.push(...page.data.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.length).toBeGreaterThan(100);
    expect(seen.length).toBeLessThan(COUNT);
    await expect(runtime.services.contactPositions.countContacts(workspaceId, q)).resolves.toBe(seen.length);
    await expect(runtime.services.contactPositions.countContacts(workspaceId)).resolves.toBe(COUNT);
    const anchors = await runtime.services.contactPositions.listAnchors(workspaceId, {
      sort: '-name',
      q,
      every: 100,
    });
    expect(anchors.cursors).toHaveLength(Math.floor(seen.length / 100));
    const first = anchors.cursors[0];
    const page = await runtime.services.contacts.listContacts(workspaceId, {
      sort: '-name',
      q,
      limit: 2,
      cursor: first,
    });
    expect(page.data.map((c) => c.id)).toEqual(seen.slice(100, 102));
  });
});
