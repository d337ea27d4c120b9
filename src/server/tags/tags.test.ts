import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';

interface TagJson {
  id: string;
  name: string;
  color: string;
  category: string | null;
  contactCount: number;
}

const RECOMMENDED = {
  'Customer Tier': ['VIP', 'Premium', 'Standard', 'Trial'],
  Status: ['Active', 'Inactive', 'Churned', 'Lead'],
  Industry: ['Technology', 'Healthcare', 'Retail', 'Finance'],
  Region: ['North America', 'Europe', 'Asia Pacific'],
  Product: ['Product A', 'Product B', 'Service X'],
  Journey: ['New Customer', 'Onboarding', 'At Risk'],
};

describeEachDialect('tags API', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  /** A fresh workspace so each test sees only its own tags. */
  const workspace = async (name: string) => {
    const { ownerKey, workspaceId } = await t.createWorkspace(name);
    const call = (method: string, path: string, body?: unknown, key = ownerKey) =>
      t.request(method, `/api/v1${path}`, { body, key });
    const contact = async (name: string, tags: string[] = []) =>
      (await call('POST', '/contacts', { name, tags })).body.id as string;
    const tagNames = async (contactId: string) =>
      ((await call('GET', `/contacts/${contactId}`)).body.tags as TagJson[]).map((tag) => tag.name);
    const timeline = async (contactId: string) =>
      (await call('GET', `/contacts/${contactId}/timeline?limit=100`)).body.data as Array<{
        type: string;
        changes: unknown[];
      }>;
    return { workspaceId, call, contact, tagNames, timeline };
  };

  it('creates, reads, recolours, recategorises and lists a tag', async () => {
    const w = await workspace('Tag CRUD');
    const created = await w.call('POST', '/tags', {
      name: '  Gold  ',
      color: '#FFAA00',
      category: 'Customer Tier',
      description: 'Spends a lot',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Gold',
      color: '#ffaa00',
      category: 'Customer Tier',
      description: 'Spends a lot',
      contactCount: 0,
    });
    const id = created.body.id;
    expect((await w.call('GET', `/tags/${id}`)).body).toEqual(created.body);

    const changed = await w.call('PATCH', `/tags/${id}`, { color: '#112233', category: null });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id, name: 'Gold', color: '#112233', category: null });
    expect((await w.call('GET', '/tags')).body.data).toEqual([changed.body]);
    expect((await w.call('GET', '/tags/no-such-tag')).status).toBe(404);
    expect((await w.call('PATCH', '/tags/no-such-tag', { color: '#000000' })).status).toBe(404);
  });

  it('gives a tag created without a colour a stable default one', async () => {
    const w = await workspace('Tag colour');
    const first = await w.call('POST', '/tags', { name: 'Wholesale' });
    expect(first.body.color).toMatch(/^#[0-9a-f]{6}$/);
    const other = await workspace('Tag colour 2');
    expect((await other.call('POST', '/tags', { name: 'WHOLESALE' })).body.color).toBe(first.body.color);
  });

  it.each([['red'], ['#abc'], ['#12345g'], ['112233'], ['#1122334']])(
    'refuses the colour %j, naming the field',
    async (color) => {
      const w = await workspace(`Bad colour ${color}`);
      const response = await w.call('POST', '/tags', { name: 'Colourful', color });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'color' }] });
      const created = await w.call('POST', '/tags', { name: 'Colourful' });
      expect((await w.call('PATCH', `/tags/${created.body.id}`, { color })).body.errors[0].path).toBe(
        'color',
      );
    },
  );

  it('refuses an empty name or unknown properties', async () => {
    const w = await workspace('Tag input');
    expect((await w.call('POST', '/tags', { name: '   ' })).body.errors[0].path).toBe('name');
    expect((await w.call('POST', '/tags', {})).body.errors[0].path).toBe('name');
    expect((await w.call('POST', '/tags', { name: 'X', smart: true })).status).toBe(400);
  });

  it('keeps names unique per workspace ignoring case, on create and on rename', async () => {
    const w = await workspace('Tag unique');
    const vip = await w.call('POST', '/tags', { name: 'VIP' });
    const duplicate = await w.call('POST', '/tags', { name: 'vip' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get('content-type')).toContain('application/problem+json');
    expect(duplicate.body).toMatchObject({ code: 'name_taken', status: 409, errors: [{ path: 'name' }] });

    const lead = await w.call('POST', '/tags', { name: 'Lead' });
    const rename = await w.call('PATCH', `/tags/${lead.body.id}`, { name: ' Vip ' });
    expect(rename.status).toBe(409);
    expect(rename.body).toMatchObject({ code: 'name_taken', errors: [{ path: 'name' }] });
    expect((await w.call('GET', `/tags/${lead.body.id}`)).body.name).toBe('Lead');

    const recased = await w.call('PATCH', `/tags/${vip.body.id}`, { name: 'Vip' });
    expect(recased.status).toBe(200);
    expect(recased.body.name).toBe('Vip');

    const other = await workspace('Tag unique elsewhere');
    expect((await other.call('POST', '/tags', { name: 'VIP' })).status).toBe(201);
  });

  it('lists tags by category, then by name ignoring case, uncategorised tags last', async () => {
    const w = await workspace('Tag order');
    for (const [name, category] of [
      ['zeta', null],
      ['Beta', 'Status'],
      ['alpha', 'Status'],
      ['Alpha', null],
      ['Gold', 'Customer Tier'],
    ] as const) {
      expect(
        (await w.call('POST', '/tags', { name: `${name}${category ? '' : ' (free)'}`, category })).status,
      ).toBe(201);
    }
    const list = (await w.call('GET', '/tags')).body.data as TagJson[];
    expect(list.map((tag) => [tag.category, tag.name])).toEqual([
      ['Customer Tier', 'Gold'],
      ['Status', 'alpha'],
      ['Status', 'Beta'],
      [null, 'Alpha (free)'],
      [null, 'zeta (free)'],
    ]);
  });

  it('counts the contacts carrying each tag in the list', async () => {
    const w = await workspace('Tag counts');
    await w.contact('Ann', ['Gold', 'Retail']);
    await w.contact('Ben', ['gold']);
    await w.call('POST', '/tags', { name: 'Unused' });
    const list = (await w.call('GET', '/tags')).body.data as TagJson[];
    expect(Object.fromEntries(list.map((tag) => [tag.name, tag.contactCount]))).toEqual({
      Gold: 2,
      Retail: 1,
      Unused: 0,
    });
    const gold = list.find((tag) => tag.name === 'Gold');
    expect((await w.call('GET', `/tags/${gold?.id}`)).body.contactCount).toBe(2);
  });

  it('deletes a tag, reporting and recording each contact that carried it', async () => {
    const w = await workspace('Tag delete');
    const ann = await w.contact('Ann', ['Temporary', 'Keep']);
    const ben = await w.contact('Ben', ['Temporary']);
    const carl = await w.contact('Carl', ['Keep']);
    const temporary = ((await w.call('GET', '/tags')).body.data as TagJson[]).find(
      (tag) => tag.name === 'Temporary',
    );

    const deleted = await w.call('DELETE', `/tags/${temporary?.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ contactCount: 2 });
    expect(await w.tagNames(ann)).toEqual(['Keep']);
    expect(await w.tagNames(ben)).toEqual([]);
    for (const id of [ann, ben]) {
      expect((await w.timeline(id))[0]).toMatchObject({
        type: 'tag_removed',
        changes: [{ field: 'tags', before: 'Temporary', after: null }],
      });
    }
    expect((await w.timeline(carl)).map((item) => item.type)).not.toContain('tag_removed');
    expect((await w.call('GET', `/tags/${temporary?.id}`)).status).toBe(404);
    expect((await w.call('DELETE', `/tags/${temporary?.id}`)).status).toBe(404);
    expect((await w.call('POST', '/tags', { name: 'temporary' })).status).toBe(201);
  });

  it('merges a tag into another: contacts move to the target and the source is gone', async () => {
    const w = await workspace('Tag merge');
    const both = await w.contact('Both', ['Customer', 'Client']);
    const onlySource = await w.contact('Source only', ['Client']);
    const onlyTarget = await w.contact('Target only', ['Customer']);
    const tags = (await w.call('GET', '/tags')).body.data as TagJson[];
    const source = tags.find((tag) => tag.name === 'Client');
    const target = tags.find((tag) => tag.name === 'Customer');

    const merged = await w.call('POST', `/tags/${source?.id}/merge`, { targetId: target?.id });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: target?.id, name: 'Customer', contactCount: 3 });
    for (const id of [both, onlySource, onlyTarget]) expect(await w.tagNames(id)).toEqual(['Customer']);
    expect((await w.call('GET', `/tags/${source?.id}`)).status).toBe(404);
    expect(((await w.call('GET', '/tags')).body.data as TagJson[]).map((tag) => tag.name)).toEqual([
      'Customer',
    ]);

    const moved = (await w.timeline(onlySource)).slice(0, 2).map((item) => item.type);
    expect(moved.sort()).toEqual(['tag_added', 'tag_removed']);
    expect((await w.timeline(both)).filter((item) => item.type === 'tag_added')).toHaveLength(2);
  });

  it('refuses to merge a tag into itself or into a tag that does not exist', async () => {
    const w = await workspace('Tag merge errors');
    const tag = (await w.call('POST', '/tags', { name: 'Solo' })).body;
    const self = await w.call('POST', `/tags/${tag.id}/merge`, { targetId: tag.id });
    expect(self.status).toBe(400);
    expect(self.body.errors[0].path).toBe('targetId');
    expect((await w.call('POST', `/tags/${tag.id}/merge`, { targetId: 'missing' })).status).toBe(404);
    expect((await w.call('POST', `/tags/missing/merge`, { targetId: tag.id })).status).toBe(404);
    const foreign = (await t.request('POST', '/api/v1/tags', { body: { name: 'Foreign' } })).body;
    expect((await w.call('POST', `/tags/${tag.id}/merge`, { targetId: foreign.id })).status).toBe(404);
    expect((await w.call('GET', `/tags/${tag.id}`)).status).toBe(200);
  });

  it('adds the recommended tag system once, keeping "Active" as one tag in its first category', async () => {
    const w = await workspace('Tag presets');
    const applied = await w.call('POST', '/tags/presets/recommended');
    expect(applied.status).toBe(200);
    const byCategory = (tags: TagJson[]) => {
      const groups: Record<string, string[]> = {};
      for (const tag of tags) (groups[tag.category ?? ''] ??= []).push(tag.name);
      for (const names of Object.values(groups)) names.sort();
      return groups;
    };
    const expected = Object.fromEntries(
      Object.entries(RECOMMENDED).map(([category, names]) => [category, [...names].sort()]),
    );
    expect(byCategory(applied.body.data)).toEqual(expected);
    expect(applied.body.data.filter((tag: TagJson) => tag.name === 'Active')).toEqual([
      expect.objectContaining({ category: 'Status' }),
    ]);
    expect(applied.body.data).toHaveLength(21);

    const again = await w.call('POST', '/tags/presets/recommended');
    expect(again.status).toBe(200);
    expect(again.body.data.map((tag: TagJson) => tag.id).sort()).toEqual(
      applied.body.data.map((tag: TagJson) => tag.id).sort(),
    );
  });

  it('leaves tags that exist already as they are when adding the recommended set', async () => {
    const w = await workspace('Tag presets existing');
    const mine = (await w.call('POST', '/tags', { name: 'vip', color: '#000000' })).body;
    const applied = (await w.call('POST', '/tags/presets/recommended')).body.data as TagJson[];
    const vips = applied.filter((tag) => tag.name.toLowerCase() === 'vip');
    expect(vips).toEqual([
      expect.objectContaining({ id: mine.id, name: 'vip', color: '#000000', category: null }),
    ]);
    expect(applied).toHaveLength(21);
  });

  it('lets agents create and rename tags but not delete, merge or add the recommended set', async () => {
    const w = await workspace('Tag roles');
    const agent = await t.createKey(w.workspaceId, 'agent');
    const admin = await t.createKey(w.workspaceId, 'admin');
    const a = (await w.call('POST', '/tags', { name: 'Agent made' }, agent)).body;
    expect(a.name).toBe('Agent made');
    expect((await w.call('PATCH', `/tags/${a.id}`, { name: 'Agent renamed' }, agent)).status).toBe(200);
    const b = (await w.call('POST', '/tags', { name: 'Other' })).body;

    for (const [method, path, body] of [
      ['DELETE', `/tags/${a.id}`, undefined],
      ['POST', `/tags/${a.id}/merge`, { targetId: b.id }],
      ['POST', '/tags/presets/recommended', undefined],
    ] as const) {
      const refused = await w.call(method, path, body, agent);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('forbidden');
    }
    expect(((await w.call('GET', '/tags')).body.data as TagJson[]).map((tag) => tag.name).sort()).toEqual([
      'Agent renamed',
      'Other',
    ]);
    expect((await w.call('POST', `/tags/${a.id}/merge`, { targetId: b.id }, admin)).status).toBe(200);
    expect((await w.call('DELETE', `/tags/${b.id}`, undefined, admin)).status).toBe(200);
  });

  it("does not show or touch another workspace's tags", async () => {
    const w = await workspace('Tag isolation');
    const foreign = (await t.request('POST', '/api/v1/tags', { body: { name: 'Owned elsewhere' } })).body;
    expect((await w.call('GET', `/tags/${foreign.id}`)).status).toBe(404);
    expect((await w.call('PATCH', `/tags/${foreign.id}`, { name: 'Mine' })).status).toBe(404);
    expect((await w.call('DELETE', `/tags/${foreign.id}`)).status).toBe(404);
    expect((await w.call('GET', '/tags')).body.data).toEqual([]);
    expect((await t.request('GET', `/api/v1/tags/${foreign.id}`)).body.name).toBe('Owned elsewhere');
  });
});
