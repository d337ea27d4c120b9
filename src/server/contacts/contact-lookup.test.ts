import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';

describeEachDialect('contact count, anchors and matches over HTTP', (dialect) => {
  let app: TestApp;
  let ana: { id: string };
  beforeAll(async () => {
    app = await startTestApp(dialect);
    await app.request('PATCH', '/api/v1/workspace', { body: { defaultCountry: 'BR' } });
    ana = (
      await app.request('POST', '/api/v1/contacts', {
        body: { name: 'Ana Souza', phone: '+55 11 91234-5678', email: 'Ana@Example.com' },
      })
    ).body;
    await app.request('POST', '/api/v1/contacts', {
      body: { name: 'Bruno Lima', email: 'bruno@example.com' },
    });
  });
  afterAll(async () => app?.close());

  it('counts every contact, or those the search matches', async () => {
    expect((await app.request('GET', '/api/v1/contacts/count')).body).toEqual({ total: 2 });
    expect((await app.request('GET', '/api/v1/contacts/count?q=bruno')).body).toEqual({ total: 1 });
  });

  it('gives no anchors for a list shorter than one block, and refuses an out-of-range block size', async () => {
    const anchors = await app.request('GET', '/api/v1/contacts/anchors?sort=-createdAt&every=100');
    expect(anchors.body).toEqual({ every: 100, cursors: [] });
    const refused = await app.request('GET', '/api/v1/contacts/anchors?every=5');
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].path).toBe('querystring.every');
  });

  it('finds who holds a phone written nationally, and an email in any case', async () => {
    const byPhone = await app.request('GET', '/api/v1/contacts/matches?phone=(11)%2091234-5678');
    expect(byPhone.body.data).toEqual([{ field: 'phone', contactId: ana.id, name: 'Ana Souza' }]);
    const byEmail = await app.request('GET', '/api/v1/contacts/matches?email=ANA%40example.com');
    expect(byEmail.body.data).toEqual([{ field: 'email', contactId: ana.id, name: 'Ana Souza' }]);
  });

  it('leaves out the contact being edited, and matches nothing for unreadable or unknown input', async () => {
    const self = await app.request(
      'GET',
      `/api/v1/contacts/matches?email=ana%40example.com&excludeId=${ana.id}`,
    );
    expect(self.body.data).toEqual([]);
    const junk = await app.request('GET', '/api/v1/contacts/matches?phone=12&email=nobody%40example.com');
    expect(junk.status).toBe(200);
    expect(junk.body.data).toEqual([]);
  });

  it('keeps matches inside the workspace', async () => {
    const other = await app.createWorkspace('Other');
    const foreign = await app.request('GET', '/api/v1/contacts/matches?email=ana%40example.com', {
      key: other.ownerKey,
    });
    expect(foreign.body.data).toEqual([]);
  });
});
