import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';

const encoded = (filter: unknown) => encodeURIComponent(JSON.stringify(filter));

describeEachDialect('filter API', (dialect) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(dialect);
    for (const field of [
      { key: 'ltv', label: 'Lifetime value', type: 'currency', options: { currency: 'USD' } },
      { key: 'plan', label: 'Plan', type: 'select', options: { choices: ['Free', 'Pro'] } },
    ]) {
      expect((await t.request('POST', '/api/v1/custom-fields', { body: field })).status).toBe(201);
    }
    const people = [
      {
        firstName: 'Ana',
        lastName: 'Lima',
        address: { city: 'São Paulo' },
        custom: { ltv: 9000, plan: 'Pro' },
        tags: ['VIP'],
      },
      {
        firstName: 'Bruno',
        lastName: 'Costa',
        address: { city: 'Rio' },
        custom: { ltv: 100, plan: 'Free' },
        tags: ['VIP', 'Churned'],
      },
      { firstName: 'Carla', lastName: 'Dias', custom: { ltv: 6000 } },
      { firstName: 'Davi', company: 'ACME' },
    ];
    for (const person of people) {
      const created = await t.request('POST', '/api/v1/contacts', { body: person });
      expect(created.status).toBe(201);
      ids[person.firstName] = created.body.id;
    }
  });
  afterAll(async () => t.close());

  const names = (body: { data: Array<{ firstName: string }> }) => body.data.map((c) => c.firstName).sort();

  it('lists, counts and anchors with a filter given as URL-encoded JSON', async () => {
    const filter = {
      and: [
        { field: 'custom.ltv', op: 'gte', value: 5000 },
        { not: { field: 'tags', op: 'has_any', value: ['churned'] } },
      ],
    };
    const list = await t.request('GET', `/api/v1/contacts?filter=${encoded(filter)}`);
    expect(list.status).toBe(200);
    expect(names(list.body)).toEqual(['Ana', 'Carla']);
    const count = await t.request('GET', `/api/v1/contacts/count?filter=${encoded(filter)}`);
    expect(count.body).toEqual({ total: 2 });
    const anchors = await t.request('GET', `/api/v1/contacts/anchors?every=100&filter=${encoded(filter)}`);
    expect(anchors.status).toBe(200);
    expect(anchors.body).toEqual({ every: 100, cursors: [] });
  });

  it('combines the filter with the simple search q', async () => {
    const filter = { field: 'tags', op: 'has_any', value: ['VIP'] };
    const list = await t.request('GET', `/api/v1/contacts?q=bruno&filter=${encoded(filter)}`);
    expect(names(list.body)).toEqual(['Bruno']);
    const count = await t.request('GET', `/api/v1/contacts/count?q=davi&filter=${encoded(filter)}`);
    expect(count.body).toEqual({ total: 0 });
  });

  it('searches with POST /contacts/search and pages with its cursor', async () => {
    const body = {
      filter: {
        or: [
          { field: 'city', op: 'eq', value: 'SãO PAULO' },
          { field: 'custom.plan', op: 'any_of', value: ['free'] },
        ],
      },
      limit: 1,
    };
    const first = await t.request('POST', '/api/v1/contacts/search', { body });
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.request('POST', '/api/v1/contacts/search', {
      body: { ...body, cursor: first.body.nextCursor },
    });
    expect([...first.body.data, ...second.body.data].map((c: { firstName: string }) => c.firstName)).toEqual([
      'Ana',
      'Bruno',
    ]);
  });

  it('matches the city only when the non-ASCII letters agree (ASCII case is ignored, É is not é)', async () => {
    const exact = await t.request('POST', '/api/v1/contacts/search', {
      body: { filter: { field: 'city', op: 'eq', value: 'sÃo paulo' } },
    });
    expect(names(exact.body)).toEqual([]);
    const same = await t.request('POST', '/api/v1/contacts/search', {
      body: { filter: { field: 'city', op: 'eq', value: 'SãO PAULO' } },
    });
    expect(names(same.body)).toEqual(['Ana']);
  });

  it.each([
    [{ field: 'ltv', op: 'gte', value: 1 }, 'filter.field', 'ltv'],
    [{ field: 'custom.ltv', op: 'gte', value: 'lots' }, 'filter.value', 'custom.ltv'],
    [{ field: 'custom.ltv', op: 'contains', value: '1' }, 'filter.op', 'custom.ltv'],
    [{ and: [{ field: 'custom.plan', op: 'any_of', value: ['Gold'] }] }, 'filter.and.0.value', 'custom.plan'],
    [{ field: 'lastInboundAt', op: 'within_last', value: 'a month' }, 'filter.value', 'lastInboundAt'],
  ])('answers 400 naming the field for %j', async (filter, path, field) => {
    for (const response of [
      await t.request('GET', `/api/v1/contacts?filter=${encoded(filter)}`),
      await t.request('GET', `/api/v1/contacts/count?filter=${encoded(filter)}`),
      await t.request('POST', '/api/v1/contacts/search', { body: { filter } }),
    ]) {
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', errors: [{ path }] });
      expect(response.body.errors[0].message).toContain(field);
    }
  });

  it('answers 400 for a filter that is not JSON or not a filter', async () => {
    const notJson = await t.request('GET', '/api/v1/contacts?filter=%7Bfield');
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ errors: [{ path: 'filter', message: 'is not valid JSON' }] });
    const notFilter = await t.request('POST', '/api/v1/contacts/search', { body: { filter: [1, 2] } });
    expect(notFilter.status).toBe(400);
    expect(notFilter.body).toMatchObject({ errors: [{ path: 'filter' }] });
  });

  it('scopes the filter to the caller’s workspace', async () => {
    const other = await t.createWorkspace('Other');
    const list = await t.request('POST', '/api/v1/contacts/search', {
      key: other.ownerKey,
      body: { filter: { field: 'tags', op: 'has_any', value: ['VIP'] } },
    });
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([]);
    const unknown = await t.request('POST', '/api/v1/contacts/search', {
      key: other.ownerKey,
      body: { filter: { field: 'custom.ltv', op: 'gte', value: 1 } },
    });
    expect(unknown.status).toBe(400);
  });

  it('counts and pages matching ids through the service', async () => {
    const { filters } = t.runtime.services;
    const filter = await filters.checkFilter(t.workspaceId, { field: 'custom.ltv', op: 'is_not_empty' });
    expect(await filters.countMatching(t.workspaceId, filter)).toBe(3);
    const pages: string[][] = [];
    for await (const page of filters.matchingIdPages(t.workspaceId, filter, 2)) pages.push(page);
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    expect(pages.flat().sort()).toEqual([ids.Ana, ids.Bruno, ids.Carla].sort());
    expect(await filters.matchesContact(t.workspaceId, ids.Davi ?? '', filter)).toBe(false);
    expect(await filters.matchesContact(t.workspaceId, ids.Ana ?? '', filter)).toBe(true);
  });
});
