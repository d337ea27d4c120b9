import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';
import type { QuickSearchHit } from '../../shared/quick-search-schemas.js';

/** Contacts every test searches among, by a short handle. */
const PEOPLE = {
  jose: { firstName: 'José' },
  joseSilva: {
    firstName: 'José',
    lastName: 'Silva',
    phone: '+55 21 98765-4321',
    email: 'jose.silva@acme.com',
    company: 'Acme',
  },
  joseph: { firstName: 'Joseph', lastName: 'Marsh', email: 'jmarsh@marsh.io' },
  josefina: { firstName: 'Ana', lastName: 'Josefina Costa' },
  marijose: { firstName: 'Marijosé', lastName: 'Lima', phone: '+55 11 91234-5678' },
  zhang: { firstName: '张伟' },
  wang: { firstName: '小明', lastName: '王' },
  arabic: { firstName: 'محمد', lastName: 'علي', phone: '+971 50 123 4567' },
  dental: { company: 'Bright Dental' },
} as const;

describeEachDialect('quick find over HTTP', (dialect) => {
  let t: TestApp;
  const ids = {} as Record<keyof typeof PEOPLE, string>;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    expect((await t.request('PATCH', '/api/v1/workspace', { body: { defaultCountry: 'BR' } })).status).toBe(
      200,
    );
    for (const [handle, body] of Object.entries(PEOPLE)) {
      const created = await t.request('POST', '/api/v1/contacts', { body });
      expect(created.status).toBe(201);
      ids[handle as keyof typeof PEOPLE] = created.body.id;
    }
  });
  afterAll(async () => t?.close());

  async function find(q: string, limit?: number): Promise<QuickSearchHit[]> {
    const query = new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) });
    const response = await t.request('GET', `/api/v1/contacts/quick-search?${query}`);
    expect(response.status).toBe(200);
    return response.body.data;
  }

  /** The handles of the contacts found, with how each matched, best first. */
  async function found(q: string, limit?: number): Promise<string[]> {
    const handleOf = new Map(Object.entries(ids).map(([handle, id]) => [id, handle]));
    return (await find(q, limit)).map((hit) => `${hit.match}:${handleOf.get(hit.id) ?? hit.id}`);
  }

  it('ranks the exact name first, then names and words that start with the text, then the text inside', async () => {
    expect(await found('jose')).toEqual([
      'exact:jose',
      'prefix:josefina',
      'prefix:joseSilva',
      'prefix:joseph',
      'substring:marijose',
    ]);
  });

  it('ignores accents and case, in the text typed and in the names', async () => {
    const plain = await found('jose');
    expect(await found('JOSÉ')).toEqual(plain);
    expect(await found('José')).toEqual(plain);
    expect(await found('MARIJOSE')).toEqual(['prefix:marijose']);
  });

  it('returns what the list needs to show and open a contact', async () => {
    const [hit] = await find('jose silva');
    expect(hit).toEqual({
      id: ids.joseSilva,
      name: 'José Silva',
      phone: '+5521987654321',
      email: 'jose.silva@acme.com',
      company: 'Acme',
      match: 'exact',
    });
  });

  it('finds Chinese names by the whole name, the given name and the family name at the start', async () => {
    expect(await found('张伟')).toEqual(['exact:zhang']);
    expect(await found('张')).toEqual(['prefix:zhang']);
    expect(await found('小明')).toEqual(['prefix:wang']);
    expect(await found('小明 王')).toEqual(['exact:wang']);
  });

  it('finds Arabic names by either word', async () => {
    expect(await found('محمد')).toEqual(['prefix:arabic']);
    expect(await found('علي')).toEqual(['prefix:arabic']);
    expect(await found('محمد علي')).toEqual(['exact:arabic']);
  });

  it('finds a phone written in any format, by its start, by partial digits and by its last digits', async () => {
    expect(await found('+55 21 98765-4321')).toEqual(['exact:joseSilva']);
    expect(await found('5521987654321')).toEqual(['exact:joseSilva']);
    expect(await found('(21) 98765-4321')).toEqual(['exact:joseSilva']);
    expect(await found('+55 21 9876')).toEqual(['prefix:joseSilva']);
    expect(await found('8765-43')).toEqual(['substring:joseSilva']);
    expect(await found('4321')).toEqual(['substring:joseSilva']);
    expect(await found('5678')).toEqual(['substring:marijose']);
    expect(await found('+971 50 123 4567')).toEqual(['exact:arabic']);
  });

  it('finds an email whole, by its start and by its domain', async () => {
    expect(await found('JOSE.SILVA@ACME.COM')).toEqual(['exact:joseSilva']);
    expect(await found('jose.sil')).toEqual(['prefix:joseSilva']);
    expect(await found('marsh.io')).toEqual(['substring:joseph']);
    expect(await found('@marsh')).toEqual(['substring:joseph']);
  });

  it('finds a company by its first word, a later word, and inside a word', async () => {
    expect(await found('bright')).toEqual(['prefix:dental']);
    expect(await found('dental')).toEqual(['prefix:dental']);
    expect(await found('ental')).toEqual(['substring:dental']);
    expect(await found('bright dental')).toEqual(['exact:dental']);
    expect(await found('acme')).toEqual(['prefix:joseSilva']);
  });

  it('matches one character at the start of a name and two at the start of any word', async () => {
    expect(await found('j')).toEqual(['prefix:jose', 'prefix:joseSilva', 'prefix:joseph']);
    expect(await found('si')).toEqual(['prefix:joseSilva']);
    expect(await found('xq')).toEqual([]);
  });

  it('stops at the limit, best matches kept', async () => {
    const two = await found('jose', 2);
    expect(two).toHaveLength(2);
    expect(two[0]).toBe('exact:jose');
    expect(two[1]).toMatch(/^prefix:/);
    expect(await found('jose', 1)).toEqual(['exact:jose']);
  });

  it('treats wildcard characters of LIKE and GLOB as plain text', async () => {
    const odd = await t.request('POST', '/api/v1/contacts', { body: { company: 'Deals 50% off_[now]*?' } });
    expect(odd.status).toBe(201);
    for (const q of ['50% off', 'off_[now]', '[now]*?', ']*?'])
      expect((await find(q)).map((hit) => hit.id)).toEqual([odd.body.id]);
    expect(await find('5_%')).toEqual([]);
    expect(await find('de*s')).toEqual([]);
    await t.request('DELETE', `/api/v1/contacts/${odd.body.id}`);
  });

  it('follows contacts as they are created, renamed and deleted', async () => {
    const created = await t.request('POST', '/api/v1/contacts', { body: { firstName: 'Quetzalli' } });
    expect(await found('quetzal')).toEqual([`prefix:${created.body.id}`]);
    const renamed = await t.request('PATCH', `/api/v1/contacts/${created.body.id}`, {
      body: { firstName: 'Xóchitl' },
    });
    expect(renamed.status).toBe(200);
    expect(await found('quetzal')).toEqual([]);
    expect(await found('xochitl')).toEqual([`exact:${created.body.id}`]);
    expect((await t.request('DELETE', `/api/v1/contacts/${created.body.id}`)).status).toBe(204);
    expect(await found('xochitl')).toEqual([]);
  });

  it('never returns another workspace’s contacts', async () => {
    const other = await t.createWorkspace('Other');
    const theirs = await t.request('POST', '/api/v1/contacts', {
      key: other.ownerKey,
      body: { firstName: 'José', lastName: 'Elsewhere' },
    });
    expect(theirs.status).toBe(201);
    expect((await find('jose')).map((hit) => hit.id)).not.toContain(theirs.body.id);
    const fromThere = await t.request('GET', '/api/v1/contacts/quick-search?q=jose', { key: other.ownerKey });
    expect(fromThere.body.data.map((hit: QuickSearchHit) => hit.id)).toEqual([theirs.body.id]);
  });

  it('refuses a missing or empty text and a limit out of range, naming the parameter', async () => {
    const refusals = {
      '': 'q',
      'q=': 'q',
      'q=%20%20': 'q',
      'q=jose&limit=0': 'limit',
      'q=jose&limit=51': 'limit',
    };
    for (const [query, parameter] of Object.entries({ ...refusals, 'q=jose&limit=x': 'limit' })) {
      const response = await t.request('GET', `/api/v1/contacts/quick-search?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.errors[0].path, query).toBe(`querystring.${parameter}`);
    }
    expect((await t.request('GET', `/api/v1/contacts/quick-search?q=${'a'.repeat(201)}`)).status).toBe(400);
  });

  it('answers only signed-in callers', async () => {
    const response = await t.request('GET', '/api/v1/contacts/quick-search?q=jose', { key: null });
    expect(response.status).toBe(401);
  });
});
