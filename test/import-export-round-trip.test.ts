import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobHandlers } from '../src/server/jobs/job-handlers.js';
import { JobRunner } from '../src/server/jobs/job-runner.js';
import type { ImportUpload } from '../src/shared/import-schemas.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { describeEachDialect } from './support/test-database.js';

/** Custom fields both workspaces define the same way. */
const FIELDS = [
  { label: 'Plan', type: 'text' },
  { label: 'Orders', type: 'number' },
  { label: 'Renewal', type: 'date' },
  { label: 'Wholesale', type: 'boolean' },
];

/** Contacts with every kind of value an export writes, including text a spreadsheet would run as a formula. */
const PEOPLE = [
  {
    firstName: 'José',
    lastName: 'da Silva',
    phone: '+55 11 98765-4321',
    email: 'jose@example.com',
    company: 'Padaria São João',
    jobTitle: 'Owner',
    birthday: '1985-03-21',
    language: 'pt-BR',
    timezone: 'America/Sao_Paulo',
    address: {
      street: 'Rua das Flores, 100',
      city: 'São Paulo',
      region: 'SP',
      postalCode: '01000-000',
      country: 'BR',
    },
    social: { instagram: 'padariasj', website: 'https://padaria.example.com' },
    tags: ['VIP', 'Bakery'],
    custom: { plan: 'Gold', orders: 12, renewal: '2027-01-31', wholesale: true },
  },
  {
    firstName: '=HYPERLINK("http://x")',
    lastName: null,
    phone: '+1 415 555 0132',
    email: 'formula@example.com',
    company: '-2+3',
    tags: ['@mention'],
    custom: { orders: 0, wholesale: false },
  },
  { name: 'فاطمة الزهراء', phone: '+971 50 123 4567', tags: [], custom: {} },
  { company: 'Company Only Ltd', email: 'orders@company-only.example.com', tags: [], custom: {} },
];

/** What a contact must keep through an export and an import. */
function essence(contact: Record<string, any>): Record<string, any> {
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, source: _s, stats: _st, ...rest } = contact;
  return {
    ...rest,
    tags: (contact.tags as Array<{ name: string }>).map((t) => t.name).sort(),
    firstContactAt: undefined,
    lastContactAt: undefined,
  };
}

describeEachDialect('export, then import of the same file', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const runJobs = async () => {
    const runner = new JobRunner(t.runtime.services.uow.repos.jobs, createJobHandlers(t.runtime.services));
    while (await runner.runOnce());
  };
  const allContacts = async (key: string) =>
    (
      (await t.request('GET', '/api/v1/contacts?sort=name&limit=200', { key })).body.data as Array<
        Record<string, any>
      >
    )
      .map(essence)
      .sort((a, b) =>
        String(a.email ?? a.phone ?? a.company).localeCompare(String(b.email ?? b.phone ?? b.company)),
      );

  it('reproduces the same contacts, fields, tags and custom values in another workspace', async () => {
    const other = await t.createWorkspace('Round trip');
    for (const key of [t.ownerKey, other.ownerKey])
      for (const field of FIELDS)
        expect((await t.request('POST', '/api/v1/custom-fields', { key, body: field })).status).toBe(201);
    for (const person of PEOPLE) {
      const created = await t.request('POST', '/api/v1/contacts', { body: person });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }

    const exported = await t.request('POST', '/api/v1/exports', {
      body: { selection: { all: true }, format: 'csv' },
    });
    expect(exported.status).toBe(202);
    await runJobs();
    const done = await t.request('GET', `/api/v1/exports/${exported.body.id}`);
    const file = await fetch(`${t.baseUrl}${done.body.downloadUrl}`, {
      headers: { authorization: `Bearer ${t.ownerKey}` },
    });
    const csv = await file.text();
    expect(csv).toContain("'=HYPERLINK");

    const form = new FormData();
    form.append('file', new Blob([csv]), 'contacts.csv');
    const uploaded = (await (
      await fetch(`${t.baseUrl}/api/v1/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${other.ownerKey}` },
        body: form,
      })
    ).json()) as ImportUpload;
    expect(uploaded.import.file.recognised).toBe('rolo');
    const started = await t.request('POST', `/api/v1/imports/${uploaded.import.id}/start`, {
      key: other.ownerKey,
      body: { mapping: uploaded.proposedMapping, options: { defaultCountry: 'US' } },
    });
    expect(started.status).toBe(202);
    await runJobs();
    const report = await t.request('GET', `/api/v1/imports/${uploaded.import.id}`, { key: other.ownerKey });
    expect(report.body.counts).toEqual({ created: PEOPLE.length, updated: 0, skipped: 0, failed: 0 });

    expect(await allContacts(other.ownerKey)).toEqual(await allContacts(t.ownerKey));
  });
});
