import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliDatabase } from '../../test/support/cli-process.js';
import { describeEachDialect } from '../../test/support/test-database.js';
import { createTestSchema, type TestSchema } from '../../test/support/test-schema.js';
import { startRuntime } from '../server/runtime.js';
import { parseMapOption } from './import-command.js';
import { progressLine } from './progress-line.js';

describe('parseMapOption', () => {
  const headers = ['Nome', 'Celular', 'Plano', 'Notas'];
  const proposed = headers.map(() => ({ kind: 'ignore' as const }));

  it('maps headers (any case) to fields, tags, custom and new fields, keeping the rest as proposed', () => {
    expect(
      parseMapOption(
        'nome=name, Celular=phone,Plano=new:select,Notas=custom:notes',
        headers,
        proposed,
        new Map([['notes', 'f1']]),
      ),
    ).toEqual([
      { kind: 'field', field: 'name' },
      { kind: 'field', field: 'phone' },
      { kind: 'newCustom', label: 'Plano', type: 'select' },
      { kind: 'custom', fieldId: 'f1' },
    ]);
  });

  it('names the column or target it cannot use', () => {
    expect(() => parseMapOption('Fax=phone', headers, proposed, new Map())).toThrow(/no column "Fax"/);
    expect(() => parseMapOption('Nome=nickname', headers, proposed, new Map())).toThrow(
      /"nickname" is not a target/,
    );
    expect(() => parseMapOption('Plano=custom:plan', headers, proposed, new Map())).toThrow(
      /no custom field/,
    );
  });
});

describe('progressLine', () => {
  it('shows the bar, the rows of the total, the rate and the time left', () => {
    expect(progressLine(500, 1000, 0, 1000)).toBe(
      `\r[${'#'.repeat(15)}${'.'.repeat(15)}] 500 / 1,000 rows, 500/s, 1 s left  `,
    );
    expect(progressLine(20, null, 0, 2000)).toBe('\r20 rows, 10/s  ');
  });
});

describeEachDialect('rolo import', (dialect) => {
  let dataDir: string;
  let schema: TestSchema | undefined;
  let database: CliDatabase;
  let file: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rolo-cli-import-'));
    database = { ROLO_DATA_DIR: dataDir };
    if (dialect === 'postgres') {
      schema = await createTestSchema(process.env.TEST_DATABASE_URL ?? '');
      database.DATABASE_URL = schema.url;
    }
    expect((await runCli(['workspace', 'create', 'CLI import'], database)).code).toBe(0);
    file = path.join(dataDir, 'people.csv');
    writeFileSync(
      file,
      [
        'Full name;Mobile;E-mail;Plan',
        'Ana Lima;(11) 98765-4321;ana@example.com;Gold',
        'No Phone;12;x@example.com;',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('dry-runs with the proposed mapping, then imports with a country and a tag, reporting each outcome', async () => {
    const dry = await runCli(['import', file, '--dry-run', '--default-country', 'br'], database);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('Mobile → phone');
    expect(dry.stdout).toContain(
      '2 rows: 1 would be created, 0 would be updated, 0 would be skipped, 1 would fail',
    );

    const run = await runCli(['import', file, '--default-country', 'BR', '--tags', 'CLI'], database);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 rows: 1 created, 0 updated, 0 skipped, 1 failed');
    expect(run.stdout).toMatch(/1 failed: phone … is not a valid number for BR \(rows 2\)/);

    const runtime = await startRuntime({ dataDir, databaseUrl: database.DATABASE_URL });
    try {
      const workspace = await runtime.services.workspaces.findDefaultWorkspace();
      const page = await runtime.services.contacts.listContacts(workspace!.id, {
        sort: 'name',
        limit: 10,
        q: 'ana@example.com',
      });
      expect(page.data[0]).toMatchObject({ phone: '+5511987654321', firstName: 'Ana', lastName: 'Lima' });
      expect(page.data[0]?.tags.map((t) => t.name)).toEqual(['CLI']);
      expect(page.data[0]?.custom).toEqual({ plan: 'Gold' });
    } finally {
      await runtime.close();
    }
  });

  it('refuses a file that is not there, and an unknown policy, with a clear message', async () => {
    const missing = await runCli(['import', path.join(dataDir, 'nope.csv')], database);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.csv/);
    const policy = await runCli(['import', file, '--policy', 'merge'], database);
    expect(policy.code).toBe(1);
    expect(policy.stderr).toMatch(/policy/);
  });
});
