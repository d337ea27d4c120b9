import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';
import type { ConsentEntry } from '../../shared/consent-schemas.js';
import { deriveConsentState } from './consents.service.js';

interface CurrentJson {
  channel: string;
  purpose: string;
  status: string;
  since: string | null;
}

const entry = (
  id: string,
  channel: ConsentEntry['channel'],
  purpose: ConsentEntry['purpose'],
  status: ConsentEntry['status'],
): ConsentEntry => ({
  id,
  channel,
  purpose,
  status,
  source: 'test',
  proof: null,
  recordedBy: null,
  recordedAt: `2026-01-0${id}T00:00:00.000Z`,
});

describe('deriveConsentState', () => {
  it('takes the newest entry per channel and purpose, and unknown where there is none', () => {
    const current = deriveConsentState([
      entry('3', 'whatsapp', 'marketing', 'opted_out'),
      entry('2', 'email', 'marketing', 'opted_in'),
      entry('1', 'whatsapp', 'marketing', 'opted_in'),
    ]);
    expect(current).toHaveLength(9);
    expect(current.find((c) => c.channel === 'whatsapp' && c.purpose === 'marketing')).toEqual({
      channel: 'whatsapp',
      purpose: 'marketing',
      status: 'opted_out',
      since: '2026-01-03T00:00:00.000Z',
    });
    expect(current.find((c) => c.channel === 'email' && c.purpose === 'marketing')?.status).toBe('opted_in');
    expect(current.filter((c) => c.status === 'unknown')).toHaveLength(7);
  });
});

describeEachDialect('consents API', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  const newContact = async () =>
    (await t.request('POST', '/api/v1/contacts', { body: { name: 'Consenting' } })).body.id as string;
  const record = (id: string, body: object) => t.request('POST', `/api/v1/contacts/${id}/consents`, { body });
  const statusOf = (current: CurrentJson[], channel: string, purpose: string) =>
    current.find((c) => c.channel === channel && c.purpose === purpose)?.status;

  it('answers unknown for every channel and purpose before anything is recorded', async () => {
    const id = await newContact();
    const state = await t.request('GET', `/api/v1/contacts/${id}/consents`);
    expect(state.status).toBe(200);
    expect(state.body.history).toEqual([]);
    expect(state.body.current).toHaveLength(9);
    for (const c of state.body.current) expect(c).toMatchObject({ status: 'unknown', since: null });
  });

  it('appends each decision, deriving the current state from the newest one per channel and purpose', async () => {
    const id = await newContact();
    const first = await record(id, {
      channel: 'whatsapp',
      purpose: 'marketing',
      status: 'opted_in',
      source: 'web form',
      proof: 'form #123, IP 203.0.113.9',
    });
    expect(first.status).toBe(201);
    expect(statusOf(first.body.current, 'whatsapp', 'marketing')).toBe('opted_in');
    await record(id, { channel: 'email', purpose: 'utility', status: 'opted_in', source: 'import' });
    const last = await record(id, {
      channel: 'whatsapp',
      purpose: 'marketing',
      status: 'opted_out',
      source: 'STOP reply',
    });

    const state = (await t.request('GET', `/api/v1/contacts/${id}/consents`)).body;
    expect(state).toEqual(last.body);
    expect(state.history.map((e: ConsentEntry) => [e.channel, e.purpose, e.status, e.source])).toEqual([
      ['whatsapp', 'marketing', 'opted_out', 'STOP reply'],
      ['email', 'utility', 'opted_in', 'import'],
      ['whatsapp', 'marketing', 'opted_in', 'web form'],
    ]);
    expect(state.history[2]).toMatchObject({
      proof: 'form #123, IP 203.0.113.9',
      recordedBy: expect.any(String),
    });
    expect(state.history[0].proof).toBeNull();
    const whatsapp = state.current.find(
      (c: CurrentJson) => c.channel === 'whatsapp' && c.purpose === 'marketing',
    );
    expect(whatsapp).toEqual({
      channel: 'whatsapp',
      purpose: 'marketing',
      status: 'opted_out',
      since: state.history[0].recordedAt,
    });
    expect(statusOf(state.current, 'email', 'utility')).toBe('opted_in');
    expect(statusOf(state.current, 'whatsapp', 'utility')).toBe('unknown');
    expect(statusOf(state.current, 'sms', 'marketing')).toBe('unknown');
  });

  it('records each decision on the contact timeline', async () => {
    const id = await newContact();
    await record(id, { channel: 'sms', purpose: 'authentication', status: 'opted_in', source: 'checkout' });
    const [event] = (await t.request('GET', `/api/v1/contacts/${id}/timeline`)).body.data;
    expect(event).toMatchObject({
      kind: 'event',
      type: 'consent_recorded',
      changes: [{ field: 'consent.sms.authentication', before: null, after: 'opted_in' }],
      actor: { type: 'api_key' },
    });
  });

  it('offers no way to change or remove a ledger entry', async () => {
    const id = await newContact();
    const recorded = (
      await record(id, { channel: 'email', purpose: 'marketing', status: 'opted_in', source: 'x' })
    ).body;
    const entryId = recorded.history[0].id;
    for (const [method, path] of [
      ['PUT', `/api/v1/contacts/${id}/consents`],
      ['PATCH', `/api/v1/contacts/${id}/consents`],
      ['DELETE', `/api/v1/contacts/${id}/consents`],
      ['DELETE', `/api/v1/contacts/${id}/consents/${entryId}`],
      ['PATCH', `/api/v1/consents/${entryId}`],
    ] as const) {
      expect((await t.request(method, path, { body: { status: 'opted_out' } })).status).toBe(404);
    }
    expect((await t.request('GET', `/api/v1/contacts/${id}/consents`)).body).toEqual(recorded);
  });

  it.each([
    [{ channel: 'telegram', purpose: 'marketing', status: 'opted_in', source: 'x' }, 'channel'],
    [{ channel: 'email', purpose: 'newsletter', status: 'opted_in', source: 'x' }, 'purpose'],
    [{ channel: 'email', purpose: 'marketing', status: 'unknown', source: 'x' }, 'status'],
    [{ channel: 'email', purpose: 'marketing', status: 'yes', source: 'x' }, 'status'],
    [{ channel: 'email', purpose: 'marketing', status: 'opted_in' }, 'source'],
    [{ channel: 'email', purpose: 'marketing', status: 'opted_in', source: '  ' }, 'source'],
    [{ channel: 'email', purpose: 'marketing', status: 'opted_in', source: 'x', when: 'now' }, ''],
  ])('refuses %j, naming the field, and records nothing', async (body, path) => {
    const id = await newContact();
    const response = await record(id, body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    if (path) expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await t.request('GET', `/api/v1/contacts/${id}/consents`)).body.history).toEqual([]);
    const events = (await t.request('GET', `/api/v1/contacts/${id}/timeline`)).body.data;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['created']);
  });

  it("answers 404 for unknown contacts and other workspaces' contacts", async () => {
    const body = { channel: 'email', purpose: 'marketing', status: 'opted_in', source: 'x' };
    expect((await t.request('GET', '/api/v1/contacts/missing/consents')).status).toBe(404);
    expect((await record('missing', body)).status).toBe(404);
    const other = await t.createWorkspace('Other consents');
    const id = await newContact();
    expect((await t.request('GET', `/api/v1/contacts/${id}/consents`, { key: other.ownerKey })).status).toBe(
      404,
    );
    expect(
      (await t.request('POST', `/api/v1/contacts/${id}/consents`, { body, key: other.ownerKey })).status,
    ).toBe(404);
    expect((await t.request('GET', `/api/v1/contacts/${id}/consents`)).body.history).toEqual([]);
  });
});
