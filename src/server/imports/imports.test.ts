import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Import, ImportPlan, ImportTarget, ImportUpload } from '../../shared/import-schemas.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';
import { createJobHandlers } from '../jobs/job-handlers.js';
import { JobRunner } from '../jobs/job-runner.js';

const field = (name: Extract<ImportTarget, { kind: 'field' }>['field']): ImportTarget => ({
  kind: 'field',
  field: name,
});
const IGNORE: ImportTarget = { kind: 'ignore' };
const FIXTURES = path.join(import.meta.dirname, '../../../test/fixtures/imports');

describeEachDialect('imports over HTTP', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const workspace = await t.request('PATCH', '/api/v1/workspace', { body: { defaultCountry: 'BR' } });
    expect(workspace.status).toBe(200);
  });
  afterAll(async () => t?.close());

  /** Uploads a file as the owner, the way the wizard does (multipart). */
  async function upload(
    name: string,
    content: string,
    key = t.ownerKey,
  ): Promise<{ status: number; body: ImportUpload }> {
    const form = new FormData();
    form.append('file', new Blob([content]), name);
    const response = await fetch(`${t.baseUrl}/api/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as ImportUpload };
  }

  /** Runs every queued job to the end, as the server's runner would. */
  async function runJobs(): Promise<void> {
    const runner = new JobRunner(t.runtime.services.uow.repos.jobs, createJobHandlers(t.runtime.services));
    while (await runner.runOnce());
  }

  async function importFile(name: string, content: string, plan: ImportPlan): Promise<Import> {
    const uploaded = await upload(name, content);
    expect(uploaded.status).toBe(201);
    const started = await t.request('POST', `/api/v1/imports/${uploaded.body.import.id}/start`, {
      body: plan,
    });
    expect(started.status).toBe(202);
    await runJobs();
    return (await t.request<Import>('GET', `/api/v1/imports/${uploaded.body.import.id}`)).body;
  }

  async function findByEmail(email: string) {
    const found = await t.request('GET', `/api/v1/contacts?q=${encodeURIComponent(email)}`);
    return found.body.data as Array<Record<string, any>>;
  }

  const csv = [
    'Nome;Telefone;E-mail;Empresa;Tags;Plano',
    'José Silva;(21) 98765-4321;JOSE@EXAMPLE.COM;Acme;VIP, Lead;Gold',
    'Maria Souza;+55 11 91234-5678;maria@example.com;;Lead;Silver',
    'José da Silva;5521987654321;;Acme Ltda;Churned;',
    'Bad Phone;12;bad@example.com;;;',
    ';;;;;',
  ].join('\r\n');
  const plan = (policy: ImportPlan['options']['policy']): ImportPlan => ({
    mapping: [
      field('name'),
      field('phone'),
      field('email'),
      field('company'),
      { kind: 'tags' },
      { kind: 'newCustom', label: 'Plano', type: 'text' },
    ],
    options: { tags: ['Imported'], policy, keepRowsWithInvalidPhone: false },
  });

  it('previews an upload and dry-runs a plan without writing anything', async () => {
    const uploaded = await upload('clientes.csv', csv);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.import.file).toMatchObject({ format: 'csv', delimiter: ';', name: 'clientes.csv' });
    expect(uploaded.body.import.file.headers).toEqual([
      'Nome',
      'Telefone',
      'E-mail',
      'Empresa',
      'Tags',
      'Plano',
    ]);
    expect(uploaded.body.preview[0]).toEqual([
      'José Silva',
      '(21) 98765-4321',
      'JOSE@EXAMPLE.COM',
      'Acme',
      'VIP, Lead',
      'Gold',
    ]);
    expect(uploaded.body.proposedMapping.slice(0, 3)).toEqual([
      field('name'),
      field('phone'),
      field('email'),
    ]);

    const dry = await t.request('POST', `/api/v1/imports/${uploaded.body.import.id}/dry-run`, {
      body: plan('fill'),
    });
    expect(dry.status).toBe(202);
    await runJobs();
    const after = (await t.request<Import>('GET', `/api/v1/imports/${uploaded.body.import.id}`)).body;
    expect(after.state).toBe('uploaded');
    expect(after.dryRun).toMatchObject({
      rows: 4,
      counts: { created: 2, updated: 1, skipped: 0, failed: 1 },
    });
    expect(after.dryRun?.newFields).toEqual(['Plano']);
    expect(await findByEmail('maria@example.com')).toEqual([]);
  });

  it('imports: phones normalised, same person merged, invalid rows reported, counts add up', async () => {
    const done = await importFile('clientes.csv', csv, plan('fill'));
    expect(done.state).toBe('done');
    expect(done.counts).toEqual({ created: 2, updated: 1, skipped: 0, failed: 1 });
    expect(done.progress.done).toBe(4);
    const failures = done.reasons.filter((r) => r.outcome === 'failed');
    expect(failures.map((r) => r.exampleRows)).toEqual([[4]]);

    const [jose] = await findByEmail('jose@example.com');
    expect(jose).toMatchObject({
      phone: '+5521987654321',
      company: 'Acme',
      firstName: 'José',
      lastName: 'Silva',
    });
    expect(jose?.tags.map((tag: { name: string }) => tag.name).sort()).toEqual([
      'Churned',
      'Imported',
      'Lead',
      'VIP',
    ]);
    expect(jose?.custom).toEqual({ plano: 'Gold' });

    const errors = await fetch(`${t.baseUrl}/api/v1/imports/${done.id}/errors.csv`, {
      headers: { authorization: `Bearer ${t.ownerKey}` },
    });
    const text = await errors.text();
    expect(text.split('\r\n')[0]).toBe('Row,Outcome,Reason,Nome,Telefone,E-mail,Empresa,Tags,Plano');
    expect(text).toContain(
      '4,failed,"phone ""12"" is not a valid number for BR",Bad Phone,12,bad@example.com',
    );
  });

  describe('a row that matches an existing contact', () => {
    const second = ['Name,Phone,Email,Company', 'Maria S.,011 91234 5678,,Globex'].join('\n');
    const secondPlan = (policy: ImportPlan['options']['policy']): ImportPlan => ({
      mapping: [field('name'), field('phone'), field('email'), field('company')],
      options: { tags: [], policy, keepRowsWithInvalidPhone: false },
    });

    it('is skipped, filled or overwritten by the policy', async () => {
      const skipped = await importFile('again.csv', second, secondPlan('skip'));
      expect(skipped.counts).toEqual({ created: 0, updated: 0, skipped: 1, failed: 0 });
      const filled = await importFile('again.csv', second, secondPlan('fill'));
      expect(filled.counts).toEqual({ created: 0, updated: 1, skipped: 0, failed: 0 });
      expect((await findByEmail('maria@example.com'))[0]).toMatchObject({
        firstName: 'Maria',
        company: 'Globex',
      });
      const overwritten = await importFile(
        'again.csv',
        ['Name,Phone,Email,Company', 'Maria S.,011 91234 5678,,Initech'].join('\n'),
        secondPlan('overwrite'),
      );
      expect(overwritten.counts.updated).toBe(1);
      expect((await findByEmail('maria@example.com'))[0]).toMatchObject({
        lastName: 'S.',
        company: 'Initech',
      });
    });

    it('is a conflict, not a guess, when its phone and email belong to two different contacts', async () => {
      const conflict = await importFile(
        'conflict.csv',
        ['Name,Phone,Email', 'Who,+55 11 91234-5678,jose@example.com'].join('\n'),
        {
          mapping: [field('name'), field('phone'), field('email')],
          options: { tags: [], policy: 'overwrite', keepRowsWithInvalidPhone: false },
        },
      );
      expect(conflict.counts).toEqual({ created: 0, updated: 0, skipped: 0, failed: 1 });
      expect(conflict.reasons[0]?.reason).toMatch(/^conflict/);
    });
  });

  it('imports a file again without writing what it already holds: only rows that bring something update', async () => {
    const again: ImportPlan = {
      mapping: [field('name'), field('email'), { kind: 'tags' }, field('city')],
      options: { tags: [], policy: 'fill', keepRowsWithInvalidPhone: false },
    };
    const file = [
      'Name,Email,Tags,City',
      'Ana Lima,ana@again.example,Regular,',
      'Bia Reis,bia@again.example,,Recife',
    ];
    expect((await importFile('again.csv', file.join('\n'), again)).counts).toEqual({
      created: 2,
      updated: 0,
      skipped: 0,
      failed: 0,
    });
    const unchanged = await importFile('again.csv', file.join('\n'), again);
    expect(unchanged.counts).toEqual({ created: 0, updated: 0, skipped: 2, failed: 0 });
    expect(unchanged.reasons.map((r) => [r.reason, r.exampleRows])).toEqual([
      ['nothing new for an existing contact', [1, 2]],
    ]);

    const changed = [
      'Name,Email,Tags,City',
      'Ana Lima,ana@again.example,Regular;VIP,',
      'Bia Reis,bia@again.example,,Olinda',
      'Ana Lima,ana@again.example,,Natal',
    ];
    expect((await importFile('again.csv', changed.join('\n'), again)).counts).toEqual({
      created: 0,
      updated: 2,
      skipped: 1,
      failed: 0,
    });
    const [ana] = await findByEmail('ana@again.example');
    expect(ana?.tags.map((tag: { name: string }) => tag.name).sort()).toEqual(['Regular', 'VIP']);
    expect(ana?.address).toMatchObject({ city: 'Natal' });
    expect((await findByEmail('bia@again.example'))[0]?.address).toMatchObject({ city: 'Recife' });
  });

  it('keeps a row with an invalid phone without it only when asked to', async () => {
    const kept = await importFile('kept.csv', ['Name,Phone,Email', 'Kept,999,kept@example.com'].join('\n'), {
      mapping: [field('name'), field('phone'), field('email')],
      options: { tags: [], policy: 'fill', keepRowsWithInvalidPhone: true },
    });
    expect(kept.counts.created).toBe(1);
    expect((await findByEmail('kept@example.com'))[0]).toMatchObject({ phone: null });
  });

  it('imports a phone-book vCard (2.1, quoted-printable) and a Windows-1252 CSV with the proposed mapping', async () => {
    for (const fixture of ['android-2.1.vcf', 'windows-1252.csv']) {
      const content = readFileSync(path.join(FIXTURES, fixture));
      const form = new FormData();
      form.append('file', new Blob([content]), fixture);
      const response = await fetch(`${t.baseUrl}/api/v1/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.ownerKey}` },
        body: form,
      });
      const uploaded = (await response.json()) as ImportUpload;
      expect(response.status).toBe(201);
      await t.request('POST', `/api/v1/imports/${uploaded.import.id}/start`, {
        body: { mapping: uploaded.proposedMapping, options: {} },
      });
      await runJobs();
      const done = (await t.request<Import>('GET', `/api/v1/imports/${uploaded.import.id}`)).body;
      expect(done.state).toBe('done');
      expect(done.counts.created + done.counts.updated).toBeGreaterThan(0);
    }
    // The card's email is José Silva's from the first file: the card fills what he lacked and keeps his company.
    const [jose] = await findByEmail('jose@example.com');
    expect(jose).toMatchObject({ company: 'Acme', jobTitle: 'Gerente', birthday: '1985-03-21' });
  });

  it('cancels a queued import, which then writes nothing; a finished one cannot be cancelled', async () => {
    const uploaded = await upload('cancel.csv', ['Name,Email', 'Cancelled,cancelled@example.com'].join('\n'));
    const id = uploaded.body.import.id;
    const plan = { mapping: [field('name'), field('email')], options: {} };
    expect((await t.request('POST', `/api/v1/imports/${id}/start`, { body: plan })).status).toBe(202);
    const cancelled = await t.request<Import>('POST', `/api/v1/imports/${id}/cancel`);
    expect(cancelled.body.state).toBe('cancelled');
    await runJobs();
    expect((await t.request<Import>('GET', `/api/v1/imports/${id}`)).body).toMatchObject({
      state: 'cancelled',
      counts: { created: 0, updated: 0, skipped: 0, failed: 0 },
    });
    expect(await findByEmail('cancelled@example.com')).toEqual([]);
    expect((await t.request('POST', `/api/v1/imports/${id}/cancel`)).status).toBe(409);
  });

  it('refuses a mapping of the wrong length, a file that cannot be read, and other workspaces', async () => {
    const uploaded = await upload('x.csv', 'a,b\n1,2');
    const wrong = await t.request('POST', `/api/v1/imports/${uploaded.body.import.id}/start`, {
      body: { mapping: [IGNORE], options: {} },
    });
    expect(wrong.status).toBe(400);
    const unreadable = await upload('empty.csv', '');
    expect(unreadable.status).toBe(400);
    expect((unreadable.body as unknown as { code: string }).code).toBe('unreadable_file');
    const other = await t.createWorkspace('Other');
    const foreign = await t.request('GET', `/api/v1/imports/${uploaded.body.import.id}`, {
      key: other.ownerKey,
    });
    expect(foreign.status).toBe(404);
    const history = await t.request('GET', '/api/v1/imports', { key: other.ownerKey });
    expect(history.body.data).toEqual([]);
  });
});
