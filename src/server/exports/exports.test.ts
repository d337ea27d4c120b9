import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';
import { STANDARD_FIELDS } from '../../shared/contact-fields.js';
import { createJobHandlers } from '../jobs/job-handlers.js';
import { JobRunner, type JobHandler } from '../jobs/job-runner.js';
import { purgeExpiredRecords } from '../maintenance.js';
import { EXPORT_CONTACTS_JOB } from './exports.service.js';

const HOUR_MS = 3_600_000;
const BOM = [0xef, 0xbb, 0xbf];

describeEachDialect('contact exports', (dialect) => {
  let t: TestApp;
  let other: { workspaceId: string; ownerKey: string };
  const field: Record<string, { id: string; key: string }> = {};
  const contact: Record<string, string> = {};
  let otherContactId: string;

  const post = async (url: string, body: unknown, key = t.ownerKey) => {
    const response = await t.request('POST', url, { body, key });
    if (response.status >= 300)
      throw new Error(`${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    other = await t.createWorkspace('Other');
    const fields = [
      { name: 'ltv', label: 'Lifetime value', type: 'currency', options: { currency: 'BRL' } },
      {
        name: 'interests',
        label: 'Interests',
        type: 'multi_select',
        options: { choices: ['Books', 'Music'] },
      },
      { name: 'vip', label: 'VIP', type: 'boolean' },
      { name: 'since', label: 'Customer since', type: 'date' },
      { name: 'company', label: 'Company', type: 'text' },
    ];
    for (const { name, ...definition } of fields)
      field[name] = await post('/api/v1/custom-fields', definition);
    contact.maria = (
      await post('/api/v1/contacts', {
        firstName: 'Maria',
        lastName: 'Souza',
        phone: '+55 11 98765-4321',
        email: 'maria@example.com',
        company: 'Padaria São João',
        address: { city: 'São Paulo', country: 'BR' },
        tags: ['VIP', 'Customer'],
        custom: {
          [field.ltv!.key]: 1234.5,
          [field.interests!.key]: ['Music', 'Books'],
          [field.vip!.key]: true,
          [field.since!.key]: '2026-01-31',
          [field.company!.key]: 'Side business',
        },
      })
    ).id;
    contact.formula = (
      await post('/api/v1/contacts', { name: '=HYPERLINK("x")', company: '@SUM(1)', jobTitle: '-2+3' })
    ).id;
    contact.plain = (await post('/api/v1/contacts', { name: 'Ana Lima', email: 'ana@example.com' })).id;
    otherContactId = (
      await post('/api/v1/contacts', { name: 'Bravo Secret', phone: '+1 415 555 0100' }, other.ownerKey)
    ).id;
    await t.runtime.db.kysely
      .insertInto('contact_identities')
      .values({
        workspace_id: t.workspaceId,
        kind: 'whatsapp',
        value: '5511987654321',
        contact_id: contact.maria!,
        created_at: new Date().toISOString(),
      })
      .execute();
  });
  afterAll(async () => t.close());

  const dataDir = () => t.runtime.services.exports.dataDir;
  const runJobs = async (handlers = createJobHandlers(t.runtime.services)) => {
    const runner = new JobRunner(t.runtime.services.uow.repos.jobs, handlers);
    while (await runner.runOnce());
  };
  const startExport = async (body: unknown, key = t.ownerKey) => {
    const response = await t.request('POST', '/api/v1/exports', { body, key });
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    return response.body;
  };
  const getExport = async (id: string, key = t.ownerKey) =>
    (await t.request('GET', `/api/v1/exports/${id}`, { key })).body;
  const download = async (id: string, key = t.ownerKey) => {
    const response = await fetch(`${t.baseUrl}/api/v1/exports/${id}/download`, {
      headers: { authorization: `Bearer ${key}` },
    });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const exportFile = async (body: Record<string, unknown>, key = t.ownerKey) => {
    const started = await startExport(body, key);
    await runJobs();
    const finished = await getExport(started.id, key);
    expect(finished.state).toBe('done');
    return { started, finished, ...(await download(started.id, key)) };
  };
  const csvRows = (bytes: Buffer): string[][] => parse(bytes.toString('utf8'), { bom: true });
  const readSheet = async (bytes: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Contacts');
    if (!sheet) throw new Error('the workbook has no Contacts sheet');
    return sheet;
  };
  const rowOf = (rows: string[][], name: string) => {
    const header = rows[0]!;
    const row = rows.find((r) => r[header.indexOf('Name')] === name);
    if (!row) throw new Error(`no row named ${name}`);
    return Object.fromEntries(header.map((h, i) => [h, row[i]]));
  };

  it('exports every contact as CSV with the default columns, and reports the job from queued to done', async () => {
    const started = await startExport({ selection: { all: true }, format: 'csv' });
    expect(started).toMatchObject({
      state: 'queued',
      format: 'csv',
      rows: 0,
      progress: { done: 0, total: 3 },
      fileSize: null,
      finishedAt: null,
      expiresAt: null,
      downloadUrl: null,
    });
    const job = (await t.request('GET', '/api/v1/jobs')).body.data.find(
      (j: { type: string }) => j.type === EXPORT_CONTACTS_JOB,
    );
    expect(job).toMatchObject({ state: 'queued', progress: { total: 3 } });
    const notYet = await download(started.id);
    expect(notYet.response.status).toBe(409);

    await runJobs();
    const done = await getExport(started.id);
    expect(done).toMatchObject({
      state: 'done',
      rows: 3,
      progress: { done: 3, total: 3 },
      downloadUrl: `/api/v1/exports/${started.id}/download`,
    });
    expect(Date.parse(done.expiresAt) - Date.parse(done.finishedAt)).toBe(24 * HOUR_MS);

    const { response, bytes } = await download(started.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="contacts-${started.createdAt.slice(0, 10)}.csv"`,
    );
    expect(bytes.length).toBe(done.fileSize);
    expect([...bytes.subarray(0, 3)]).not.toEqual(BOM);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')).toHaveLength(5);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');

    const rows = csvRows(bytes);
    expect(rows[0]).toEqual([
      ...STANDARD_FIELDS.map((f) => f.label),
      'Tags',
      'Lifetime value',
      'Interests',
      'VIP',
      'Customer since',
      'Company (custom)',
    ]);
    expect(rowOf(rows, 'Maria Souza')).toMatchObject({
      'First name': 'Maria',
      'Last name': 'Souza',
      Phone: "'+5511987654321",
      Email: 'maria@example.com',
      'WhatsApp ID': '5511987654321',
      Company: 'Padaria São João',
      City: 'São Paulo',
      Country: 'BR',
      Tags: 'Customer; VIP',
      'Lifetime value': '1234.5',
      Interests: 'Music; Books',
      VIP: 'true',
      'Customer since': '2026-01-31',
      'Company (custom)': 'Side business',
    });
    expect(rowOf(rows, 'Ana Lima')).toMatchObject({ Phone: '', Tags: '', VIP: '', 'Lifetime value': '' });
    expect(text).not.toContain('Bravo Secret');
  });

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    const { bytes } = await exportFile({
      selection: { ids: [contact.formula] },
      format: 'csv',
      columns: ['name', 'company', 'jobTitle'],
    });
    expect(csvRows(bytes)).toEqual([
      ['Name', 'Company', 'Job title'],
      [`'=HYPERLINK("x")`, `'@SUM(1)`, `'-2+3`],
    ]);
    expect(bytes.toString('utf8')).toContain(`"'=HYPERLINK(""x"")",'@SUM(1),'-2+3\r\n`);
  });

  it('exports a search with chosen columns, custom fields by id or key, in the order given', async () => {
    const { finished, bytes } = await exportFile({
      selection: { q: 'souza' },
      format: 'csv',
      columns: [
        'name',
        'phone',
        'tags',
        `custom:${field.ltv!.id}`,
        `custom:${field.interests!.key}`,
        'createdAt',
        'source',
        'id',
      ],
    });
    expect(finished).toMatchObject({ rows: 1, progress: { done: 1, total: 1 } });
    const maria = (await t.request('GET', `/api/v1/contacts/${contact.maria}`)).body;
    expect(csvRows(bytes)).toEqual([
      ['Name', 'Phone', 'Tags', 'Lifetime value', 'Interests', 'Created', 'Source', 'ID'],
      [
        'Maria Souza',
        "'+5511987654321",
        'Customer; VIP',
        '1234.5',
        'Music; Books',
        maria.createdAt,
        'api',
        maria.id,
      ],
    ]);
  });

  it("exports listed ids, skipping those that are not the workspace's", async () => {
    const { finished, bytes } = await exportFile({
      selection: { ids: [contact.plain, otherContactId, contact.maria, contact.plain] },
      format: 'csv',
      columns: ['name', 'phone'],
    });
    expect(finished).toMatchObject({ rows: 2, progress: { done: 3, total: 3 } });
    const names = csvRows(bytes)
      .slice(1)
      .map((r) => r[0]);
    expect(names.sort()).toEqual(['Ana Lima', 'Maria Souza']);
    expect(bytes.toString('utf8')).not.toContain('Bravo');
  });

  it('starts a CSV with a byte order mark only when asked', async () => {
    const withBom = await exportFile({ selection: { ids: [contact.plain] }, format: 'csv', bom: true });
    expect([...withBom.bytes.subarray(0, 3)]).toEqual(BOM);
    expect(withBom.bytes.subarray(3).toString('utf8')).toMatch(/^Name,First name,/);
    const without = await exportFile({ selection: { ids: [contact.plain] }, format: 'csv', bom: false });
    expect(without.bytes.toString('utf8')).toMatch(/^Name,First name,/);
  });

  it('exports XLSX with text cells for phones and ids, numbers as numbers and formulas neutralised', async () => {
    const { response, bytes, started } = await exportFile({
      selection: { all: true },
      format: 'xlsx',
      columns: [
        'name',
        'phone',
        'whatsappId',
        'company',
        'tags',
        `custom:${field.ltv!.id}`,
        `custom:${field.vip!.id}`,
        'id',
      ],
    });
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="contacts-${started.createdAt.slice(0, 10)}.xlsx"`,
    );
    const sheet = await readSheet(bytes);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Name',
      'Phone',
      'WhatsApp ID',
      'Company',
      'Tags',
      'Lifetime value',
      'VIP',
      'ID',
    ]);
    const rows = [2, 3, 4].map((n) => sheet.getRow(n));
    const maria = rows.find((r) => r.getCell(1).value === 'Maria Souza')!;
    expect(maria.getCell(2).value).toBe("'+5511987654321");
    expect(maria.getCell(3).value).toBe('5511987654321');
    expect(maria.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(maria.getCell(5).value).toBe('Customer; VIP');
    expect(maria.getCell(6).value).toBe(1234.5);
    expect(maria.getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(maria.getCell(7).value).toBe('true');
    expect(maria.getCell(8).value).toBe(contact.maria);
    const formula = rows.find((r) => r.getCell(8).value === contact.formula)!;
    expect(formula.getCell(1).value).toBe(`'=HYPERLINK("x")`);
    expect(formula.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(formula.getCell(4).value).toBe(`'@SUM(1)`);
  });

  it('refuses unknown columns, missing custom fields and oversized selections, naming the problem', async () => {
    const unknown = await t.request('POST', '/api/v1/exports', {
      body: { selection: { all: true }, format: 'csv', columns: ['name', 'shoeSize'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'columns.1', message: 'unknown column "shoeSize"' }],
    });
    expect(unknown.body.detail).toContain('shoeSize');
    const otherField = await post(
      '/api/v1/custom-fields',
      { label: 'Their field', type: 'text' },
      other.ownerKey,
    );
    const foreign = await t.request('POST', '/api/v1/exports', {
      body: { selection: { all: true }, format: 'csv', columns: [`custom:${otherField.id}`] },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0]).toMatchObject({ path: 'columns.0' });
    expect(foreign.body.detail).toContain(otherField.id);
    const twice = await t.request('POST', '/api/v1/exports', {
      body: { selection: { all: true }, format: 'csv', columns: ['phone', 'phone'] },
    });
    expect(twice.status).toBe(400);
    const tooMany = await t.request('POST', '/api/v1/exports', {
      body: { selection: { ids: Array.from({ length: 10_001 }, (_, i) => `c${i}`) }, format: 'csv' },
    });
    expect(tooMany.status).toBe(400);
    const badFormat = await t.request('POST', '/api/v1/exports', {
      body: { selection: { all: true }, format: 'pdf' },
    });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.errors[0].path).toBe('format');
  });

  it("never shows one workspace's exports or contacts to another", async () => {
    const ours = await exportFile({ selection: { all: true }, format: 'csv' });
    for (const [method, url] of [
      ['GET', `/api/v1/exports/${ours.started.id}`],
      ['GET', `/api/v1/exports/${ours.started.id}/download`],
      ['POST', `/api/v1/exports/${ours.started.id}/cancel`],
    ] as const) {
      const response = await t.request(method, url, { key: other.ownerKey });
      expect(response.status, url).toBe(404);
      expect(response.body.code, url).toBe('not_found');
    }
    const theirs = await exportFile({ selection: { all: true }, format: 'csv' }, other.ownerKey);
    const text = theirs.bytes.toString('utf8');
    expect(text).toContain('Bravo Secret');
    expect(text).not.toContain('Maria');
    expect(text).not.toContain('Ana Lima');
    const listed = (await t.request('GET', '/api/v1/exports', { key: other.ownerKey })).body.data;
    expect(listed.map((e: { id: string }) => e.id)).toEqual([theirs.started.id]);
    const ourList = (await t.request('GET', '/api/v1/exports')).body.data.map((e: { id: string }) => e.id);
    expect(ourList).toContain(ours.started.id);
    expect(ourList).not.toContain(theirs.started.id);
    expect(ourList[0]).toBe(ours.started.id);
  });

  it('answers 410 gone once the link expires, and the purge deletes the file', async () => {
    const lapsing = await exportFile({ selection: { all: true }, format: 'csv' });
    const kept = await exportFile({ selection: { all: true }, format: 'xlsx' });
    const { kysely } = t.runtime.db;
    const row = async (id: string) =>
      kysely.selectFrom('exports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const lapsingFile = path.join(dataDir(), (await row(lapsing.started.id)).file_path!);
    expect(existsSync(lapsingFile)).toBe(true);
    expect(lapsingFile).toContain(path.join('exports', t.workspaceId, `${lapsing.started.id}.csv`));

    await kysely
      .updateTable('exports')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', lapsing.started.id)
      .execute();
    expect(await getExport(lapsing.started.id)).toMatchObject({ state: 'expired', downloadUrl: null });
    const expired = await t.request('GET', `/api/v1/exports/${lapsing.started.id}/download`);
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({ code: 'gone', status: 410 });

    await purgeExpiredRecords(t.runtime.services);
    expect(existsSync(lapsingFile)).toBe(false);
    expect(await row(lapsing.started.id)).toMatchObject({ state: 'expired', file_path: null });
    expect(await getExport(lapsing.started.id)).toMatchObject({ state: 'expired' });
    expect((await download(kept.started.id)).response.status).toBe(200);

    await purgeExpiredRecords(t.runtime.services, Date.now() + 25 * HOUR_MS);
    expect((await download(kept.started.id)).response.status).toBe(410);
  });

  it('cancels a queued export at once, and a running one at its next page, leaving no file', async () => {
    const queued = await startExport({ selection: { all: true }, format: 'csv' });
    const cancelled = await t.request('POST', `/api/v1/exports/${queued.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ state: 'cancelled', downloadUrl: null });
    await runJobs();
    expect(await getExport(queued.id)).toMatchObject({ state: 'cancelled' });
    expect((await download(queued.id)).response.status).toBe(409);

    const running = await startExport({ selection: { all: true }, format: 'xlsx' });
    const services = t.runtime.services;
    const seen: string[] = [];
    const handlers = new Map<string, JobHandler>([
      [
        EXPORT_CONTACTS_JOB,
        async (job) => {
          seen.push((await getExport(running.id)).state);
          const asked = await t.request('POST', `/api/v1/exports/${running.id}/cancel`);
          seen.push(asked.body.state);
          return services.exports.runExportJob(job);
        },
      ],
    ]);
    await runJobs(handlers);
    expect(seen).toEqual(['running', 'running']);
    expect(await getExport(running.id)).toMatchObject({ state: 'cancelled', rows: 0, fileSize: null });
    const folder = path.join(dataDir(), 'exports', t.workspaceId);
    expect(readdirSync(folder).filter((name) => name.startsWith(running.id))).toEqual([]);

    const finished = await exportFile({ selection: { ids: [contact.plain] }, format: 'csv' });
    const late = await t.request('POST', `/api/v1/exports/${finished.started.id}/cancel`);
    expect(late.status).toBe(409);
  });
});
