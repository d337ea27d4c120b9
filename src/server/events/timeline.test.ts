import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';

interface ItemJson {
  kind: 'event' | 'note';
  id: string;
  at: string;
  type?: string;
  note?: { body: string };
}

describeEachDialect('contact timeline API', (dialect) => {
  let t: TestApp;
  let contactId: string;
  /** What each write added, oldest first: `created`, then notes and changes interleaved. */
  const written: string[] = ['event:created'];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    contactId = (await t.request('POST', '/api/v1/contacts', { body: { firstName: 'Busy' } })).body.id;
    for (let i = 0; i < 15; i++) {
      const note = await t.request('POST', `/api/v1/contacts/${contactId}/notes`, {
        body: { body: `note ${i}`, pinned: i === 0 },
      });
      expect(note.status).toBe(201);
      written.push(`note:note ${i}`);
      const change = await t.request('PATCH', `/api/v1/contacts/${contactId}`, {
        body: { jobTitle: `Job ${i}` },
      });
      expect(change.status).toBe(200);
      written.push('event:updated');
      if (i % 4 === 0) {
        await t.request('POST', `/api/v1/contacts/${contactId}/tags`, { body: { tags: [`Tag ${i}`] } });
        written.push('event:tag_added');
      }
    }
  });
  afterAll(async () => t.close());

  const label = (item: ItemJson) => (item.kind === 'note' ? `note:${item.note?.body}` : `event:${item.type}`);
  const page = (query: string) => t.request('GET', `/api/v1/contacts/${contactId}/timeline?${query}`);

  it('merges events and notes newest first, pinned notes included in time order', async () => {
    const all = await page('limit=100');
    expect(all.status).toBe(200);
    expect(all.body.nextCursor).toBeNull();
    const items = all.body.data as ItemJson[];
    expect(items.map(label)).toEqual([...written].reverse());
    const ids = items.map((item) => item.id);
    expect(ids).toEqual([...ids].sort().reverse());
    const times = items.map((item) => item.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('pages through both kinds with a cursor, without gaps or repeats', async () => {
    const everything = ((await page('limit=100')).body.data as ItemJson[]).map((item) => item.id);
    for (const limit of [1, 5, 7, 13]) {
      const seen: ItemJson[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await page(`limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(response.status).toBe(200);
        expect(response.body.data.length).toBeLessThanOrEqual(limit);
        seen.push(...response.body.data);
        cursor = response.body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(Math.ceil(everything.length / limit));
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(seen.map((item) => item.id)).toEqual(everything);
      expect(new Set(seen.map((item) => item.kind))).toEqual(new Set(['event', 'note']));
    }
  });

  it('serves 30 items by default and refuses limits out of range, naming the query field', async () => {
    const first = await page('');
    expect(first.body.data).toHaveLength(30);
    expect(first.body.nextCursor).toBe(`${first.body.data[29].at}~${first.body.data[29].id}`);
    expect((await page('cursor=not-a-cursor')).status).toBe(400);
    for (const limit of ['0', '101', 'ten']) {
      const refused = await page(`limit=${limit}`);
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].path).toBe('querystring.limit');
    }
  });

  it('shows new items at the head without disturbing a cursor taken earlier', async () => {
    const person = (await t.request('POST', '/api/v1/contacts', { body: { firstName: 'Later' } })).body.id;
    for (let i = 0; i < 4; i++) {
      await t.request('POST', `/api/v1/contacts/${person}/notes`, { body: { body: `old ${i}` } });
    }
    const timeline = (query: string) => t.request('GET', `/api/v1/contacts/${person}/timeline?${query}`);
    const head = (await timeline('limit=2')).body;
    await t.request('POST', `/api/v1/contacts/${person}/notes`, { body: { body: 'new' } });
    const rest = (await timeline(`limit=10&cursor=${head.nextCursor}`)).body.data as ItemJson[];
    expect(rest.map(label)).toEqual(['note:old 1', 'note:old 0', 'event:created']);
    expect(((await timeline('limit=1')).body.data as ItemJson[]).map(label)).toEqual(['note:new']);
  });

  it('filters by kind: notes only, tag changes only, or several kinds', async () => {
    const notes = (await page('kinds=note&limit=100')).body.data as ItemJson[];
    expect(notes).toHaveLength(15);
    expect(notes.every((item) => item.kind === 'note')).toBe(true);
    const tags = (await page('kinds=tag&limit=100')).body.data as ItemJson[];
    expect(tags.map((item) => item.type)).toEqual(['tag_added', 'tag_added', 'tag_added', 'tag_added']);
    const both = (await page('kinds=tag,note&limit=100')).body.data as ItemJson[];
    expect(both).toHaveLength(19);
    const refused = await page('kinds=note,gossip');
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toContain('gossip');
  });

  it("answers 404 for an unknown contact or another workspace's contact", async () => {
    const missing = await t.request('GET', '/api/v1/contacts/no-such-contact/timeline');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
    const other = await t.createWorkspace('Other timeline');
    expect(
      (await t.request('GET', `/api/v1/contacts/${contactId}/timeline`, { key: other.ownerKey })).status,
    ).toBe(404);
  });

  it('keeps the deleted event of a contact out of reach once the contact is gone', async () => {
    const person = (await t.request('POST', '/api/v1/contacts', { body: { firstName: 'Gone' } })).body.id;
    expect((await t.request('DELETE', `/api/v1/contacts/${person}`)).status).toBe(204);
    expect((await t.request('GET', `/api/v1/contacts/${person}/timeline`)).status).toBe(404);
  });
});
