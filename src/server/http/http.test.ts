import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestResponse } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';

const MIB = 1024 * 1024;

/** Asserts an RFC 9457 problem with a stable code. */
function expectProblem(response: TestResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, code });
  expect(response.body.detail).toEqual(expect.any(String));
}

describeEachDialect('HTTP basics', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('sends security headers on pages, API answers and errors', async () => {
    const responses = [
      await t.request('GET', '/healthz', { key: null }),
      await t.request('GET', '/api/v1/contacts'),
      await t.request('GET', '/api/v1/contacts', { key: null }),
      await t.request('GET', '/no-such-page', { key: null }),
    ];
    for (const { headers } of responses) {
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(headers.get('content-security-policy')).toContain("object-src 'none'");
      expect(headers.get('x-powered-by')).toBeNull();
    }
  });

  it('refuses a body over 1 MiB with 413 and stores nothing, but reads one just under', async () => {
    const marker = `oversize-${dialect}`;
    const tooLarge = await t.request('POST', '/api/v1/contacts', {
      body: { firstName: marker, company: 'x'.repeat(MIB) },
    });
    expectProblem(tooLarge, 413, 'payload_too_large');
    const found = await t.request('GET', `/api/v1/contacts?q=${marker}`);
    expect(found.body.data).toEqual([]);

    const padding = 'x'.repeat(MIB - 200);
    const underLimit = await t.request('POST', '/api/v1/contacts', {
      body: { firstName: marker, company: padding },
    });
    expect(underLimit.status).toBe(400);
    expect(underLimit.body.errors[0].path).toBe('company');
  });

  it('answers invalid JSON with 400 naming the body, and forms with 415', async () => {
    const broken = await t.request('POST', '/api/v1/contacts', { rawBody: '{"firstName": "Broken",' });
    expectProblem(broken, 400, 'validation_failed');
    expect(broken.body.errors).toEqual([{ path: 'body', message: expect.any(String) }]);

    const empty = await t.request('POST', '/api/v1/contacts', { rawBody: '' });
    expectProblem(empty, 400, 'validation_failed');
    expect(empty.body.errors[0].path).toBe('body');

    const form = await t.request('POST', '/api/v1/contacts', {
      rawBody: 'firstName=Form',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(form, 415, 'unsupported_media_type');
    const text = await t.request('POST', '/api/v1/contacts', {
      rawBody: 'firstName=Text',
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(text, 400, 'validation_failed');
    expect(text.body.errors[0].path).toBe('body');
  });

  it('answers unknown API routes and non-GET page paths with a 404 problem (page paths serve the web app)', async () => {
    expectProblem(await t.request('POST', '/nowhere'), 404, 'not_found');
    for (const path of ['/api/v1/no-such-thing', '/api/v2/contacts?x=1']) {
      const response = await t.request('GET', path);
      expectProblem(response, 404, 'not_found');
      expect(response.body.detail).toContain(path.split('?')[0]);
    }
    expectProblem(await t.request('PUT', '/api/v1/contacts'), 404, 'not_found');
  });

  it('reports health without credentials', async () => {
    const response = await t.request('GET', '/healthz', { key: null });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3.1 document listing the contact routes, and readable docs', async () => {
    const doc = await t.request('GET', '/api/openapi.json', { key: null });
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.info.title).toBe('Rolo API');
    expect(Object.keys(doc.body.paths['/api/v1/contacts'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.body.paths['/api/v1/contacts/{id}'])).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
    const create = doc.body.paths['/api/v1/contacts'].post;
    expect(create.requestBody.content['application/json'].schema.properties).toHaveProperty('phone');
    expect(create.responses['201']).toBeDefined();
    expect(Object.keys(doc.body.components.securitySchemes)).toEqual(
      expect.arrayContaining(['apiKey', 'session']),
    );
    expect(Object.keys(doc.body.paths).some((p) => p === '/healthz' || p === '/api/openapi.json')).toBe(
      false,
    );

    const docs = await fetch(`${t.baseUrl}/api/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(await docs.text()).toMatch(/swagger/i);
  });
});
