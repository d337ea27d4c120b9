import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';

interface FieldJson {
  id: string;
  key: string;
  label: string;
  type: string;
  options: { choices?: string[]; currency?: string };
  group: string | null;
  required: boolean;
  position: number;
}

describeEachDialect('custom field definitions API', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  /** A fresh workspace so each test sees only its own definitions. */
  const workspace = async (name: string) => {
    const { ownerKey, workspaceId } = await t.createWorkspace(name);
    const call = (method: string, path: string, body?: unknown, key = ownerKey) =>
      t.request(method, `/api/v1${path}`, { body, key });
    const field = async (body: object) => {
      const response = await call('POST', '/custom-fields', body);
      expect(response.status).toBe(201);
      return response.body as FieldJson;
    };
    const contact = async (custom: Record<string, unknown>) => {
      const response = await call('POST', '/contacts', { firstName: 'Someone', custom });
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    const customOf = async (id: string) => (await call('GET', `/contacts/${id}`)).body.custom;
    const list = async () => (await call('GET', '/custom-fields')).body.data as FieldJson[];
    return { workspaceId, call, field, contact, customOf, list };
  };

  it('creates a field with a key derived from its label, reads, changes and lists it', async () => {
    const w = await workspace('Fields CRUD');
    const created = await w.field({
      label: 'Customer Lifetime Value',
      type: 'currency',
      options: { currency: 'eur' },
      group: 'E-commerce',
      description: 'All orders together',
    });
    expect(created).toMatchObject({
      key: 'customer_lifetime_value',
      label: 'Customer Lifetime Value',
      type: 'currency',
      options: { currency: 'EUR' },
      group: 'E-commerce',
      description: 'All orders together',
      required: false,
      position: 0,
    });
    expect((await w.call('GET', `/custom-fields/${created.id}`)).body).toEqual({
      ...created,
      contactCount: 0,
    });

    const changed = await w.call('PATCH', `/custom-fields/${created.id}`, {
      label: 'LTV',
      group: null,
      required: true,
      description: null,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      id: created.id,
      key: 'customer_lifetime_value',
      label: 'LTV',
      group: null,
      description: null,
      required: true,
      type: 'currency',
    });
    const second = await w.field({ label: 'Notes', type: 'long_text' });
    expect(second.position).toBe(1);
    expect((await w.list()).map((f) => f.key)).toEqual(['customer_lifetime_value', 'notes']);
    expect((await w.call('GET', '/custom-fields/missing')).status).toBe(404);
    expect((await w.call('PATCH', '/custom-fields/missing', { label: 'X' })).status).toBe(404);
  });

  it.each([
    ['Ação Preferida', 'acao_preferida'],
    ['  Plan / Tier (2026) ', 'plan_tier_2026'],
    ['2nd Phone', 'field_2nd_phone'],
    ['!!!', 'field'],
    [`${'a'.repeat(59)} b`, `${'a'.repeat(59)}_b`],
    [`9${'x'.repeat(80)}`, `field_9${'x'.repeat(57)}`],
    [`${'b'.repeat(63)} c`, 'b'.repeat(63)],
  ])('derives a valid key from the label %j', async (label, key) => {
    const w = await workspace(`Key ${label.slice(0, 20)}`);
    const created = await w.field({ label, type: 'text' });
    expect(created.key).toBe(key);
    expect(created.key).toMatch(/^[a-z][a-z0-9_]{0,63}$/);
    expect(created.key).not.toMatch(/_$/);
  });

  it('keeps keys unique and refuses malformed definitions, naming the field', async () => {
    const w = await workspace('Fields invalid');
    await w.field({ label: 'Plan', type: 'text' });
    const taken = await w.call('POST', '/custom-fields', { label: 'plan!', type: 'number' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'conflict', errors: [{ path: 'key' }] });
    expect(
      (await w.call('POST', '/custom-fields', { key: 'plan', label: 'Other', type: 'text' })).status,
    ).toBe(409);

    const cases: Array<[object, string]> = [
      [{ label: 'X', type: 'colour' }, 'type'],
      [{ label: '', type: 'text' }, 'label'],
      [{ key: 'Bad Key', label: 'X', type: 'text' }, 'key'],
      [{ key: '1abc', label: 'X', type: 'text' }, 'key'],
      [{ label: 'X', type: 'select' }, 'options.choices'],
      [{ label: 'X', type: 'select', options: { choices: [] } }, 'options.choices'],
      [{ label: 'X', type: 'multi_select', options: { choices: ['A', 'a'] } }, 'options.choices'],
      [{ label: 'X', type: 'currency', options: { currency: 'dollars' } }, 'options.currency'],
      [{ label: 'X', type: 'text', options: { colour: 'red' } }, 'options'],
      [{ label: 'X', type: 'text', position: -1 }, 'position'],
    ];
    for (const [body, path] of cases) {
      const response = await w.call('POST', '/custom-fields', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await w.list()).map((f) => f.key)).toEqual(['plan']);
  });

  it('refuses to change the type while contacts hold values, and allows it once they do not', async () => {
    const w = await workspace('Fields type change');
    const score = await w.field({ label: 'Score', type: 'text' });
    const id = await w.contact({ score: '10' });
    const refused = await w.call('PATCH', `/custom-fields/${score.id}`, { type: 'number' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'conflict', errors: [{ path: 'type' }] });
    expect((await w.call('GET', `/custom-fields/${score.id}`)).body.type).toBe('text');
    expect(await w.customOf(id)).toEqual({ score: '10' });

    expect((await w.call('PATCH', `/contacts/${id}`, { custom: { score: null } })).status).toBe(200);
    const changed = await w.call('PATCH', `/custom-fields/${score.id}`, { type: 'number' });
    expect(changed.status).toBe(200);
    expect(changed.body.type).toBe('number');
    expect((await w.call('PATCH', `/contacts/${id}`, { custom: { score: '10' } })).body.custom).toEqual({
      score: 10,
    });
    const toSelect = await w.call(
      'PATCH',
      `/custom-fields/${(await w.field({ label: 'Empty', type: 'text' })).id}`,
      {
        type: 'select',
      },
    );
    expect(toSelect.status).toBe(400);
    expect(toSelect.body.errors[0].path).toBe('options.choices');
  });

  it('drops the values of a select choice that is removed, and keeps the others', async () => {
    const w = await workspace('Fields choices');
    const tier = await w.field({
      label: 'Tier',
      type: 'select',
      options: { choices: ['Gold', 'Silver', 'Bronze'] },
    });
    const sports = await w.field({
      label: 'Sports',
      type: 'multi_select',
      options: { choices: ['Run', 'Swim', 'Ride'] },
    });
    const gold = await w.contact({ tier: 'Gold', sports: ['Run', 'Swim'] });
    const silver = await w.contact({ tier: 'silver', sports: ['swim'] });

    const changed = await w.call('PATCH', `/custom-fields/${tier.id}`, {
      options: { choices: ['Gold', 'Bronze', 'Platinum'] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.options).toEqual({ choices: ['Gold', 'Bronze', 'Platinum'] });
    await w.call('PATCH', `/custom-fields/${sports.id}`, { options: { choices: ['Run', 'Ride'] } });

    expect(await w.customOf(gold)).toEqual({ tier: 'Gold', sports: ['Run'] });
    expect(await w.customOf(silver)).toEqual({});
    expect((await w.call('GET', `/custom-fields/${tier.id}`)).body.contactCount).toBe(1);
    const refused = await w.call('PATCH', `/contacts/${silver}`, { custom: { tier: 'Silver' } });
    expect(refused.body.errors).toEqual([
      { path: 'custom.tier', message: 'must be one of: Gold, Bronze, Platinum' },
    ]);

    const silverContact = (await w.call('GET', `/contacts/${silver}`)).body;
    expect(silverContact.version).toBe(3);
    const [latest, earlier] = (await w.call('GET', `/contacts/${silver}/timeline`)).body.data;
    expect(latest).toMatchObject({
      type: 'updated',
      changes: [{ field: 'custom.sports', before: ['Swim'], after: null }],
    });
    expect(earlier).toMatchObject({
      type: 'updated',
      changes: [{ field: 'custom.tier', before: 'Silver', after: null }],
    });
    const [goldLatest] = (await w.call('GET', `/contacts/${gold}/timeline`)).body.data;
    expect(goldLatest.changes).toEqual([{ field: 'custom.sports', before: ['Run', 'Swim'], after: ['Run'] }]);
  });

  it('keeps values when a choice is only re-cased, and records the new spelling', async () => {
    const w = await workspace('Fields recase');
    const tier = await w.field({ label: 'Tier', type: 'select', options: { choices: ['gold', 'Silver'] } });
    const holder = await w.contact({ tier: 'gold' });
    await w.call('PATCH', `/custom-fields/${tier.id}`, { options: { choices: ['Gold', 'Silver'] } });
    expect(await w.customOf(holder)).toEqual({ tier: 'Gold' });
    const [latest] = (await w.call('GET', `/contacts/${holder}/timeline`)).body.data;
    expect(latest.changes).toEqual([{ field: 'custom.tier', before: 'gold', after: 'Gold' }]);
  });

  it('deletes a field with its values and reports how many contacts held one', async () => {
    const w = await workspace('Fields delete');
    const plan = await w.field({ label: 'Plan', type: 'text' });
    await w.field({ label: 'Other', type: 'text' });
    const a = await w.contact({ plan: 'Pro', other: 'x' });
    await w.contact({ plan: 'Free' });
    await w.contact({ other: 'y' });
    expect((await w.call('GET', `/custom-fields/${plan.id}`)).body.contactCount).toBe(2);

    const deleted = await w.call('DELETE', `/custom-fields/${plan.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ contactCount: 2 });
    expect(await w.customOf(a)).toEqual({ other: 'x' });
    const [latest] = (await w.call('GET', `/contacts/${a}/timeline`)).body.data;
    expect(latest).toMatchObject({
      type: 'updated',
      changes: [{ field: 'custom.plan', before: 'Pro', after: null }],
    });
    expect((await w.call('GET', `/custom-fields/${plan.id}`)).status).toBe(404);
    expect((await w.call('DELETE', `/custom-fields/${plan.id}`)).status).toBe(404);
    const unknown = await w.call('PATCH', `/contacts/${a}`, { custom: { plan: 'Pro' } });
    expect(unknown.body.errors).toEqual([
      { path: 'custom.plan', message: 'is not a custom field of this workspace' },
    ]);
    const again = await w.field({ label: 'Plan', type: 'number' });
    expect(again.key).toBe('plan');
  });

  it('sets the display order, putting the ids given first and keeping the rest in order', async () => {
    const w = await workspace('Fields order');
    const fields: FieldJson[] = [];
    for (const label of ['A', 'B', 'C', 'D']) fields.push(await w.field({ label, type: 'text' }));
    const ids = fields.map((f) => f.id);

    const reordered = await w.call('PUT', '/custom-fields/order', { ids: [ids[2], ids[0]] });
    expect(reordered.status).toBe(200);
    expect(reordered.body.data.map((f: FieldJson) => [f.key, f.position])).toEqual([
      ['c', 0],
      ['a', 1],
      ['b', 2],
      ['d', 3],
    ]);
    expect((await w.list()).map((f) => f.key)).toEqual(['c', 'a', 'b', 'd']);
    await w.call('PUT', '/custom-fields/order', { ids: [ids[3], ids[2], ids[1], ids[0]] });
    expect((await w.list()).map((f) => f.key)).toEqual(['d', 'c', 'b', 'a']);

    const unknown = await w.call('PUT', '/custom-fields/order', { ids: [ids[0], 'not-a-field'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('ids');
    expect((await w.list()).map((f) => f.key)).toEqual(['d', 'c', 'b', 'a']);
  });

  it.each([
    [
      'ecommerce',
      'E-commerce',
      [
        ['Customer Lifetime Value', 'currency'],
        ['Total Orders', 'number'],
        ['Last Purchase', 'date'],
        ['Favorite Category', 'select'],
      ],
    ],
    [
      'saas',
      'SaaS',
      [
        ['Plan', 'select'],
        ['MRR', 'currency'],
        ['Contract End', 'date'],
        ['Usage Tier', 'select'],
      ],
    ],
    [
      'services',
      'Services',
      [
        ['Client Since', 'date'],
        ['Service Type', 'select'],
        ['Billing Cycle', 'select'],
        ['Account Manager', 'user'],
      ],
    ],
  ])('adds the %s preset with the fields of the issue, once', async (preset, group, expected) => {
    const w = await workspace(`Preset ${preset}`);
    const applied = await w.call('POST', `/custom-fields/presets/${preset}`);
    expect(applied.status).toBe(200);
    const fields = applied.body.data as FieldJson[];
    expect(fields.map((f) => [f.label, f.type])).toEqual(expected);
    expect(new Set(fields.map((f) => f.group))).toEqual(new Set([group]));
    for (const f of fields.filter((f) => f.type === 'select'))
      expect(f.options.choices?.length).toBeGreaterThan(1);

    const again = await w.call('POST', `/custom-fields/presets/${preset}`);
    expect(again.body.data.map((f: FieldJson) => f.id)).toEqual(fields.map((f) => f.id));
  });

  it('adds all three presets side by side, and the preset fields take values', async () => {
    const w = await workspace('Presets together');
    for (const preset of ['ecommerce', 'saas', 'services']) {
      expect((await w.call('POST', `/custom-fields/presets/${preset}`)).status).toBe(200);
    }
    const fields = await w.list();
    expect(fields).toHaveLength(12);
    expect(fields.map((f) => f.position)).toEqual([...fields.keys()]);
    const byLabel = Object.fromEntries(fields.map((f) => [f.label, f.key]));
    const owner = (await w.call('GET', '/users')).body.data[0].id;
    const created = await w.call('POST', '/contacts', {
      firstName: 'Preset',
      custom: {
        [byLabel['Customer Lifetime Value'] ?? '']: '$1,200.50',
        [byLabel['Plan'] ?? '']: 'pro',
        [byLabel['Account Manager'] ?? '']: owner,
      },
    });
    expect(created.status).toBe(201);
    expect(Object.values(created.body.custom).sort()).toEqual([1200.5, 'Pro', owner].sort());
    expect((await w.call('POST', '/custom-fields/presets/crm')).body.errors[0].path).toBe('params.preset');
  });

  it('lets agents read definitions and set values but not manage definitions', async () => {
    const w = await workspace('Fields roles');
    const agent = await t.createKey(w.workspaceId, 'agent');
    const admin = await t.createKey(w.workspaceId, 'admin');
    const plan = await w.field({ label: 'Plan', type: 'text' });
    for (const [method, path, body] of [
      ['POST', '/custom-fields', { label: 'Mine', type: 'text' }],
      ['PATCH', `/custom-fields/${plan.id}`, { label: 'Renamed' }],
      ['DELETE', `/custom-fields/${plan.id}`, undefined],
      ['PUT', '/custom-fields/order', { ids: [plan.id] }],
      ['POST', '/custom-fields/presets/saas', undefined],
    ] as const) {
      const refused = await w.call(method, path, body, agent);
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.body.code).toBe('forbidden');
    }
    expect((await w.call('GET', '/custom-fields', undefined, agent)).body.data).toEqual([plan]);
    const set = await w.call('POST', '/contacts', { firstName: 'Agent', custom: { plan: 'Pro' } }, agent);
    expect(set.body.custom).toEqual({ plan: 'Pro' });
    expect((await w.call('POST', '/custom-fields', { label: 'By admin', type: 'text' }, admin)).status).toBe(
      201,
    );
  });

  it("does not show or touch another workspace's definitions", async () => {
    const w = await workspace('Fields isolation');
    const foreign = (
      await t.request('POST', '/api/v1/custom-fields', { body: { label: 'Secret', type: 'text' } })
    ).body;
    expect((await w.call('GET', `/custom-fields/${foreign.id}`)).status).toBe(404);
    expect((await w.call('PATCH', `/custom-fields/${foreign.id}`, { label: 'Mine' })).status).toBe(404);
    expect((await w.call('DELETE', `/custom-fields/${foreign.id}`)).status).toBe(404);
    expect((await w.call('PUT', '/custom-fields/order', { ids: [foreign.id] })).status).toBe(400);
    expect(await w.list()).toEqual([]);
    const refused = await w.call('POST', '/contacts', { firstName: 'X', custom: { secret: 'x' } });
    expect(refused.body.errors[0].path).toBe('custom.secret');
  });
});
