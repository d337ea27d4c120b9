import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';
import { searchNeedle } from '../../shared/search-needle.js';
import { createJobHandlers } from '../jobs/job-handlers.js';
import { JobRunner } from '../jobs/job-runner.js';
import { seedBulkContacts } from '../seed/bulk-contacts.js';

/** Searches whose answers must not change now that an index gives them: common, rare, short, odd. */
const SEARCHES = [
  'silva',
  'a',
  'jo',
  'São',
  'example.com',
  '55119',
  '(11) 9',
  '50% off',
  '%',
  '_',
  '*',
  '[',
  'no such text',
  'ção',
  '张',
  '张伟',
  'علي',
  '  JOSÉ  ',
];

describeEachDialect('the search index behind the contact list', (dialect) => {
  let t: TestApp;

  const create = async (body: Record<string, string>) =>
    expect((await t.request('POST', '/api/v1/contacts', { body })).status).toBe(201);

  beforeAll(async () => {
    t = await startTestApp(dialect);
    // Contacts made one by one before and after a bulk seed, which indexes its rows in one go at its end.
    await create({ firstName: '张伟' });
    await create({ firstName: 'محمد', lastName: 'علي' });
    await seedBulkContacts(t.runtime.services, t.workspaceId, 300);
    await create({ company: 'Deals 50% off_[now]*?' });
    await create({ firstName: 'Conceição', lastName: 'Gonçalves' });
  });
  afterAll(async () => t?.close());

  /** The contacts a plain scan finds: the folded search text holds the needle. */
  async function scanned(q: string): Promise<string[]> {
    const needle = searchNeedle(q);
    const rows = await t.runtime.db.kysely
      .selectFrom('contacts')
      .select(['id', 'search_text'])
      .where('workspace_id', '=', t.workspaceId)
      .execute();
    return rows
      .filter((row) => row.search_text.includes(needle))
      .map((row) => row.id)
      .sort();
  }

  /** Every contact the list gives for q, page by page. */
  async function listed(q: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: URLSearchParams = new URLSearchParams({ q, limit: '100', ...(cursor ? { cursor } : {}) });
      const page = await t.request<{ data: Array<{ id: string }>; nextCursor: string | null }>(
        'GET',
        `/api/v1/contacts?${query}`,
      );
      expect(page.status).toBe(200);
      ids.push(...page.body.data.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    return ids.sort();
  }

  async function quickFound(q: string): Promise<string[]> {
    const response = await t.request('GET', `/api/v1/contacts/quick-search?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return response.body.data.map((hit: { id: string }) => hit.id);
  }

  it('lists and counts exactly the contacts a scan of the search text finds', async () => {
    for (const q of SEARCHES) {
      const expected = await scanned(q);
      expect(await listed(q), q).toEqual(expected);
      const count = await t.request('GET', `/api/v1/contacts/count?q=${encodeURIComponent(q)}`);
      expect(count.body.total, q).toBe(expected.length);
    }
    expect((await scanned('a')).length).toBeGreaterThan(200);
    expect((await scanned('silva')).length).toBeGreaterThan(0);
    expect(await scanned('50% off')).toHaveLength(1);
  });

  it('gives anchors over a searched list that land where the list pages do', async () => {
    const q = 'a';
    const expected = await scanned(q);
    expect(expected.length).toBeGreaterThan(200);
    const anchors = await t.request('GET', `/api/v1/contacts/anchors?q=${q}&every=100&sort=name`);
    expect(anchors.body.cursors).toHaveLength(Math.floor(expected.length / 100));
    const firstPage = await t.request('GET', `/api/v1/contacts?q=${q}&sort=name&limit=200`);
    const atAnchor = await t.request(
      'GET',
      `/api/v1/contacts?q=${q}&sort=name&limit=1&cursor=${encodeURIComponent(anchors.body.cursors[0])}`,
    );
    expect(atAnchor.body.data[0].id).toBe(firstPage.body.data[100].id);
  });

  it('keeps the index in step when an import creates and merges contacts', async () => {
    const existing = await t.request('POST', '/api/v1/contacts', {
      body: { firstName: 'Imported', lastName: 'Before', email: 'merge.me@example.org' },
    });
    const csv = [
      'Name,E-mail,Company',
      'Imported Before,merge.me@example.org,Zanzibar Trading',
      'Yolanda Quispe,,Inca Tours',
    ].join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv]), 'people.csv');
    const upload = await fetch(`${t.baseUrl}/api/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.ownerKey}` },
      body: form,
    });
    const uploaded = (await upload.json()) as { import: { id: string } };
    const field = (name: string) => ({ kind: 'field', field: name });
    const started = await t.request('POST', `/api/v1/imports/${uploaded.import.id}/start`, {
      body: {
        mapping: [field('name'), field('email'), field('company')],
        options: { tags: [], policy: 'overwrite', keepRowsWithInvalidPhone: false },
      },
    });
    expect(started.status).toBe(202);
    const runner = new JobRunner(t.runtime.services.uow.repos.jobs, createJobHandlers(t.runtime.services));
    while (await runner.runOnce());

    expect(await quickFound('zanzibar')).toEqual([existing.body.id]);
    expect(await listed('zanzibar')).toEqual([existing.body.id]);
    expect(await quickFound('quispe')).toHaveLength(1);
    expect(await listed('inca tours')).toEqual(await quickFound('inca tours'));
  });

  it('finds by the index: FTS5 on SQLite, the trigram GIN index on PostgreSQL', async () => {
    const query = t.runtime.db.kysely
      .selectFrom('contacts')
      .select('id')
      .where(t.runtime.db.dialect.searchText.contains(searchNeedle('silva')))
      .compile();
    if (dialect === 'sqlite') {
      const plan = await t.runtime.db.kysely.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
      );
      expect(plan.rows.map((row) => row.detail).join('\n')).toMatch(/contacts_search VIRTUAL TABLE/);
      await sql`insert into contacts_search (contacts_search, rank) values ('integrity-check', 1)`.execute(
        t.runtime.db.kysely,
      );
    } else {
      const plan = await t.runtime.db.kysely.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        return trx.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
        );
      });
      expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toMatch(/contacts_search_trgm_idx/);
    }
  });

  it('finds nothing of a deleted contact, and a renamed one only by its new name', async () => {
    const created = await t.request('POST', '/api/v1/contacts', { body: { firstName: 'Wilhelmina' } });
    await t.request('PATCH', `/api/v1/contacts/${created.body.id}`, { body: { firstName: 'Ottoline' } });
    expect(await listed('wilhelmina')).toEqual([]);
    expect(await listed('ottoline')).toEqual([created.body.id]);
    await t.request('DELETE', `/api/v1/contacts/${created.body.id}`);
    expect(await listed('ottoline')).toEqual([]);
    if (dialect === 'sqlite')
      await sql`insert into contacts_search (contacts_search, rank) values ('integrity-check', 1)`.execute(
        t.runtime.db.kysely,
      );
  });
});
