import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';

describeEachDialect('contacts API', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('creates a contact, normalising phone and email, and reads it back', async () => {
    const created = await t.request('POST', '/api/v1/contacts', {
      body: {
        name: 'Maria da Silva',
        phone: '(415) 555-0132',
        email: ' Maria@Example.COM ',
        address: { city: 'São Paulo', country: 'br' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      firstName: 'Maria',
      lastName: 'da Silva',
      name: 'Maria da Silva',
      phone: '+14155550132',
      email: 'maria@example.com',
      address: { city: 'São Paulo', country: 'BR' },
      source: 'api',
      version: 1,
    });
    const read = await t.request('GET', `/api/v1/contacts/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('etag')).toBe('"1"');
  });

  it.each([
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0959', '+442079460959'],
    ['415.555.0199', '+14155550199'],
    ['1-415-555-0198', '+14155550198'],
    ['tel:+5511987654321', '+5511987654321'],
  ])('reads the phone %s as %s', async (written, e164) => {
    const response = await t.request('POST', '/api/v1/contacts', {
      body: { firstName: 'Phone', phone: written },
    });
    expect(response.status).toBe(201);
    expect(response.body.phone).toBe(e164);
  });

  it('refuses an invalid phone or email with the field named, and stores nothing', async () => {
    const before = await t.request('GET', '/api/v1/contacts?q=nobody-here&limit=200');
    const badPhone = await t.request('POST', '/api/v1/contacts', {
      body: { firstName: 'Nobody-here', phone: '12' },
    });
    expect(badPhone.status).toBe(400);
    expect(badPhone.headers.get('content-type')).toContain('application/problem+json');
    expect(badPhone.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'phone' }] });
    const badEmail = await t.request('POST', '/api/v1/contacts', {
      body: { firstName: 'Nobody-here', email: 'not-an-email' },
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.errors[0].path).toBe('email');
    const after = await t.request('GET', '/api/v1/contacts?q=nobody-here&limit=200');
    expect(after.body.data).toHaveLength(before.body.data.length);
  });

  it('refuses a contact with nothing to identify it', async () => {
    const response = await t.request('POST', '/api/v1/contacts', { body: { jobTitle: 'Buyer' } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe('name');
  });

  it('does not let two contacts share a phone or an email, however written', async () => {
    const first = await t.request('POST', '/api/v1/contacts', {
      body: { firstName: 'First', phone: '+1 415 555 0111', email: 'same@example.com' },
    });
    expect(first.status).toBe(201);
    const samePhone = await t.request('POST', '/api/v1/contacts', {
      body: { firstName: 'Second', phone: '(415) 555-0111' },
    });
    expect(samePhone.status).toBe(409);
    expect(samePhone.body).toMatchObject({
      code: 'identity_taken',
      contactId: first.body.id,
      errors: [{ path: 'phone' }],
    });
    const sameEmail = await t.request('POST', '/api/v1/contacts', {
      body: { firstName: 'Third', email: 'SAME@example.com' },
    });
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body.errors[0].path).toBe('email');
  });

  it('patches only the fields given, records each change, and moves identities', async () => {
    const created = await t.request('POST', '/api/v1/contacts', {
      body: { firstName: 'Pat', lastName: 'Chen', company: 'Globex', phone: '+14155550140' },
    });
    const patched = await t.request('PATCH', `/api/v1/contacts/${created.body.id}`, {
      body: { company: null, jobTitle: 'Buyer', phone: '415-555-0141', social: { twitter: '@patchen' } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      firstName: 'Pat',
      lastName: 'Chen',
      company: null,
      jobTitle: 'Buyer',
      phone: '+14155550141',
      social: { twitter: 'https://x.com/patchen' },
      version: 2,
    });
    const identities = await t.request('GET', `/api/v1/contacts/${created.body.id}/identities`);
    expect(identities.body.data).toEqual([{ kind: 'phone', value: '+14155550141' }]);
    const reuseOld = await t.request('POST', '/api/v1/contacts', {
      body: { firstName: 'Reuse', phone: '+14155550140' },
    });
    expect(reuseOld.status).toBe(201);

    const timeline = await t.request('GET', `/api/v1/contacts/${created.body.id}/timeline`);
    const [updated] = timeline.body.data;
    expect(updated).toMatchObject({ kind: 'event', type: 'updated', actor: { type: 'api_key' } });
    expect(updated.changes).toEqual(
      expect.arrayContaining([
        { field: 'company', before: 'Globex', after: null },
        { field: 'jobTitle', before: null, after: 'Buyer' },
        { field: 'phone', before: '+14155550140', after: '+14155550141' },
      ]),
    );
    expect(timeline.body.data.at(-1)).toMatchObject({ type: 'created' });
  });

  it('answers 409 to a stale version in the body or If-Match, and keeps the newer data', async () => {
    const created = await t.request('POST', '/api/v1/contacts', { body: { firstName: 'Race' } });
    const id = created.body.id;
    expect(
      (await t.request('PATCH', `/api/v1/contacts/${id}`, { body: { lastName: 'One', version: 1 } })).status,
    ).toBe(200);
    const staleBody = await t.request('PATCH', `/api/v1/contacts/${id}`, {
      body: { lastName: 'Two', version: 1 },
    });
    expect(staleBody.status).toBe(409);
    expect(staleBody.body).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    const staleHeader = await t.request('PATCH', `/api/v1/contacts/${id}`, {
      body: { lastName: 'Three' },
      headers: { 'if-match': '"1"' },
    });
    expect(staleHeader.status).toBe(409);
    const fresh = await t.request('PATCH', `/api/v1/contacts/${id}`, {
      body: { lastName: 'Four' },
      headers: { 'if-match': 'W/"2"' },
    });
    expect(fresh.status).toBe(200);
    expect((await t.request('GET', `/api/v1/contacts/${id}`)).body).toMatchObject({
      lastName: 'Four',
      version: 3,
    });
  });

  it('applies simultaneous unversioned changes one after another, losing none', async () => {
    const created = await t.request('POST', '/api/v1/contacts', { body: { firstName: 'Busy' } });
    const titles = Array.from({ length: 12 }, (_, i) => `Title ${i}`);
    const answers = await Promise.all(
      titles.map((jobTitle) =>
        t.request('PATCH', `/api/v1/contacts/${created.body.id}`, { body: { jobTitle } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(titles.map(() => 200));
    const versions = answers.map((a) => a.body.version).sort((a, b) => a - b);
    expect(versions).toEqual(titles.map((_, i) => i + 2));
    const timeline = await t.request('GET', `/api/v1/contacts/${created.body.id}/timeline?limit=100`);
    expect(timeline.body.data.filter((e: { type: string }) => e.type === 'updated')).toHaveLength(12);
  });

  it('returns the first answer to a retried POST with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `create-${dialect}-1` };
    const body = { firstName: 'Idem', phone: '+14155550177' };
    const first = await t.request('POST', '/api/v1/contacts', { body, headers });
    const retry = await t.request('POST', '/api/v1/contacts', { body, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const reused = await t.request('POST', '/api/v1/contacts', { body: { firstName: 'Other' }, headers });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
  });

  it('pages through every contact by name with a keyset cursor, without gaps or repeats', async () => {
    const other = await t.createWorkspace('Paging');
    const names = Array.from({ length: 23 }, (_, i) => `Zé ${String.fromCharCode(65 + ((i * 7) % 23))}${i}`);
    for (const name of names) {
      expect(
        (await t.request('POST', '/api/v1/contacts', { body: { name }, key: other.ownerKey })).status,
      ).toBe(201);
    }
    for (const sort of ['name', '-name', 'createdAt', '-createdAt', 'lastContactAt']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `sort=${sort}&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await t.request('GET', `/api/v1/contacts?${query}`, { key: other.ownerKey });
        expect(page.status).toBe(200);
        seen.push(...page.body.data.map((c: { name: string }) => c.name));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(names.length);
      expect(new Set(seen).size).toBe(names.length);
      if (sort === 'name')
        expect(seen).toEqual([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
      if (sort === '-name')
        expect(seen).toEqual([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? 1 : -1)));
    }
    const bad = await t.request('GET', '/api/v1/contacts?sort=-name&cursor=garbage', { key: other.ownerKey });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('cursor');
  });

  it('finds contacts by name ignoring accents and case, by phone digits, by email and company', async () => {
    const other = await t.createWorkspace('Search');
    const post = (body: object) => t.request('POST', '/api/v1/contacts', { body, key: other.ownerKey });
    await post({ name: 'Zoë Álvarez', phone: '+5511987650001', email: 'zoe@acme.io', company: 'Acme Corp' });
    await post({ name: 'Bob Stone', phone: '+14155550999' });
    const find = async (q: string) =>
      (
        await t.request('GET', `/api/v1/contacts?q=${encodeURIComponent(q)}`, { key: other.ownerKey })
      ).body.data.map((c: { name: string }) => c.name);
    expect(await find('zoe alv')).toEqual(['Zoë Álvarez']);
    expect(await find('ZOË')).toEqual(['Zoë Álvarez']);
    expect(await find('98765-0001')).toEqual(['Zoë Álvarez']);
    expect(await find('acme')).toEqual(['Zoë Álvarez']);
    expect(await find('5550999')).toEqual(['Bob Stone']);
    expect(await find('100%')).toEqual([]);
  });

  it('deletes a contact and everything it carries', async () => {
    const created = await t.request('POST', '/api/v1/contacts', {
      body: { firstName: 'Gone', phone: '+14155550188', tags: ['Temporary'] },
    });
    const id = created.body.id;
    expect((await t.request('DELETE', `/api/v1/contacts/${id}`)).status).toBe(204);
    expect((await t.request('GET', `/api/v1/contacts/${id}`)).status).toBe(404);
    expect((await t.request('DELETE', `/api/v1/contacts/${id}`)).status).toBe(404);
    const again = await t.request('POST', '/api/v1/contacts', {
      body: { firstName: 'Again', phone: '+14155550188' },
    });
    expect(again.status).toBe(201);
  });

  it('adds tags by name (creating them, case-insensitively) and removes them', async () => {
    const created = await t.request('POST', '/api/v1/contacts', {
      body: { firstName: 'Tagged', tags: ['Gold'] },
    });
    const id = created.body.id;
    const added = await t.request('POST', `/api/v1/contacts/${id}/tags`, {
      body: { tags: ['gold', 'Wholesale'] },
    });
    expect(added.status).toBe(200);
    expect(added.body.tags.map((tag: { name: string }) => tag.name)).toEqual(['Gold', 'Wholesale']);
    const gold = added.body.tags.find((tag: { name: string }) => tag.name === 'Gold');
    const removed = await t.request('DELETE', `/api/v1/contacts/${id}/tags/${gold.id}`);
    expect(removed.body.tags.map((tag: { name: string }) => tag.name)).toEqual(['Wholesale']);
    expect((await t.request('DELETE', `/api/v1/contacts/${id}/tags/${gold.id}`)).status).toBe(404);
  });
});
