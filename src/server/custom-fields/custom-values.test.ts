import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';

/** One field of every type, keyed by the type's name. */
const FIELDS = [
  { key: 'text', label: 'Text', type: 'text' },
  { key: 'long_text', label: 'Long text', type: 'long_text' },
  { key: 'number', label: 'Number', type: 'number' },
  { key: 'currency', label: 'Currency', type: 'currency', options: { currency: 'USD' } },
  { key: 'percent', label: 'Percent', type: 'percent' },
  { key: 'date', label: 'Date', type: 'date' },
  { key: 'datetime', label: 'Datetime', type: 'datetime' },
  { key: 'boolean', label: 'Boolean', type: 'boolean' },
  { key: 'select', label: 'Select', type: 'select', options: { choices: ['Free', 'Pro', 'Enterprise'] } },
  {
    key: 'multi_select',
    label: 'Multi',
    type: 'multi_select',
    options: { choices: ['Red', 'Green', 'Blue'] },
  },
  { key: 'url', label: 'Url', type: 'url' },
  { key: 'email', label: 'Email', type: 'email' },
  { key: 'phone', label: 'Phone', type: 'phone' },
  { key: 'user', label: 'User', type: 'user' },
];

describeEachDialect('custom values on contacts', (dialect) => {
  let t: TestApp;
  let ownerKey: string;
  let ownerId: string;
  const call = (method: string, path: string, body?: unknown) =>
    t.request(method, `/api/v1${path}`, { body, key: ownerKey });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    ({ ownerKey, ownerId } = await t.createWorkspace('Custom values'));
    await call('PATCH', '/workspace', { defaultCountry: 'GB' });
    for (const field of FIELDS) expect((await call('POST', '/custom-fields', field)).status).toBe(201);
  });
  afterAll(async () => t.close());

  it('validates and normalises a value of every type, on create and after a reload', async () => {
    const created = await call('POST', '/contacts', {
      firstName: 'Typed',
      custom: {
        text: '  hello  ',
        long_text: 'line one\nline two',
        number: '1,234',
        currency: '$1,200.50',
        percent: '12.5%',
        date: '2026-02-28',
        datetime: '2026-01-31T14:00:00+02:00',
        boolean: 'yes',
        select: 'pro',
        multi_select: ['blue', 'Red', 'BLUE'],
        url: 'example.com/pricing',
        email: ' Ana@Example.COM ',
        phone: '020 7946 0958',
        user: ownerId,
      },
    });
    expect(created.status).toBe(201);
    const expected = {
      text: 'hello',
      long_text: 'line one\nline two',
      number: 1234,
      currency: 1200.5,
      percent: 12.5,
      date: '2026-02-28',
      datetime: '2026-01-31T12:00:00.000Z',
      boolean: true,
      select: 'Pro',
      multi_select: ['Blue', 'Red'],
      url: 'https://example.com/pricing',
      email: 'ana@example.com',
      phone: '+442079460958',
      user: ownerId,
    };
    expect(created.body.custom).toEqual(expected);
    expect((await call('GET', `/contacts/${created.body.id}`)).body.custom).toEqual(expected);
    const listed = await call('GET', '/contacts?q=typed');
    expect(listed.body.data[0].custom).toEqual(expected);
  });

  it('keeps false and zero as values, distinct from no value', async () => {
    const created = await call('POST', '/contacts', {
      firstName: 'Falsy',
      custom: { boolean: 'no', number: 0, percent: '0%' },
    });
    expect(created.body.custom).toEqual({ boolean: false, number: 0, percent: 0 });
    expect((await call('GET', `/contacts/${created.body.id}`)).body.custom).toEqual({
      boolean: false,
      number: 0,
      percent: 0,
    });
  });

  it('refuses bad values of every type at once, naming each as custom.<key>, and stores nothing', async () => {
    const bad = {
      text: { not: 'text' },
      number: 'abc',
      currency: '$',
      percent: 'lots',
      date: '2026-02-30',
      datetime: '2026-02-30T10:00:00Z',
      boolean: 'maybe',
      select: 'Platinum',
      multi_select: ['Red', 'Purple'],
      url: 'javascript:alert(1)',
      email: 'ana@',
      phone: '12345',
      user: 'not-a-member',
      nope: 'x',
    };
    const response = await call('POST', '/contacts', { firstName: 'Nothing-stored', custom: bad });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('validation_failed');
    const paths = response.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(
      Object.keys(bad)
        .map((key) => `custom.${key}`)
        .sort(),
    );
    expect((await call('GET', '/contacts?q=nothing-stored')).body.data).toEqual([]);
  });

  it('refuses a user of another workspace', async () => {
    const response = await call('POST', '/contacts', { firstName: 'Foreign', custom: { user: t.ownerId } });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: 'custom.user', message: 'is not a member of this workspace' },
    ]);
  });

  it('patches only the keys given, clears with null, and records each change', async () => {
    const id = (
      await call('POST', '/contacts', {
        firstName: 'Patched',
        custom: { select: 'Free', number: 3, multi_select: 'red', text: 'keep' },
      })
    ).body.id;
    const patched = await call('PATCH', `/contacts/${id}`, {
      custom: { select: 'ENTERPRISE', number: null, multi_select: 'green;red', boolean: 'n' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.custom).toEqual({
      select: 'Enterprise',
      multi_select: ['Green', 'Red'],
      text: 'keep',
      boolean: false,
    });
    expect(patched.body.version).toBe(2);

    const [updated] = (await call('GET', `/contacts/${id}/timeline`)).body.data;
    expect(updated).toMatchObject({ type: 'updated' });
    expect(updated.changes).toEqual(
      expect.arrayContaining([
        { field: 'custom.select', before: 'Free', after: 'Enterprise' },
        { field: 'custom.number', before: 3, after: null },
        { field: 'custom.multi_select', before: ['Red'], after: ['Green', 'Red'] },
        { field: 'custom.boolean', before: null, after: false },
      ]),
    );
    expect(updated.changes).toHaveLength(4);

    const cleared = await call('PATCH', `/contacts/${id}`, { custom: { text: '  ', multi_select: [] } });
    expect(cleared.body.custom).toEqual({ select: 'Enterprise', boolean: false });

    const unchanged = await call('PATCH', `/contacts/${id}`, { custom: { select: 'enterprise' } });
    expect(unchanged.body.version).toBe(cleared.body.version);
  });

  it('refuses a bad value on PATCH and keeps the contact as it was', async () => {
    const id = (await call('POST', '/contacts', { firstName: 'Stable', custom: { number: 1 } })).body.id;
    const refused = await call('PATCH', `/contacts/${id}`, {
      jobTitle: 'Buyer',
      custom: { number: 'two', date: '2026-13-01' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'custom.date',
      'custom.number',
    ]);
    const current = (await call('GET', `/contacts/${id}`)).body;
    expect(current).toMatchObject({ jobTitle: null, custom: { number: 1 }, version: 1 });
  });

  it('enforces required fields on create and when clearing, not on unrelated changes', async () => {
    const { ownerKey: key } = await t.createWorkspace('Required values');
    const post = (method: string, path: string, body?: unknown) =>
      t.request(method, `/api/v1${path}`, { body, key });
    const before = (await post('POST', '/contacts', { firstName: 'Before' })).body.id;
    await post('POST', '/custom-fields', {
      label: 'Plan',
      type: 'select',
      options: { choices: ['Free', 'Pro'] },
      required: true,
    });
    await post('POST', '/custom-fields', {
      label: 'Colours',
      type: 'multi_select',
      options: { choices: ['Red'] },
      required: true,
    });

    for (const custom of [undefined, { plan: null, colours: [] }, { plan: '  ', colours: '' }]) {
      const missing = await post('POST', '/contacts', {
        firstName: 'Missing',
        ...(custom ? { custom } : {}),
      });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([
        { path: 'custom.plan', message: 'is required' },
        { path: 'custom.colours', message: 'is required' },
      ]);
    }
    const created = await post('POST', '/contacts', {
      firstName: 'Complete',
      custom: { plan: 'pro', colours: 'red' },
    });
    expect(created.status).toBe(201);

    const clearing = await post('PATCH', `/contacts/${created.body.id}`, { custom: { plan: null } });
    expect(clearing.status).toBe(400);
    expect(clearing.body.errors).toEqual([{ path: 'custom.plan', message: 'is required' }]);
    expect((await post('PATCH', `/contacts/${created.body.id}`, { custom: { plan: 'Free' } })).status).toBe(
      200,
    );
    expect((await post('PATCH', `/contacts/${before}`, { jobTitle: 'Buyer' })).status).toBe(200);
  });
});
