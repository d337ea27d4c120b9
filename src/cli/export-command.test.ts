import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, systemPrincipal } from '../server/auth/principal.js';
import { startRuntime } from '../server/runtime.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface ExportRun {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

describe('rolo export', () => {
  let dataDir: string;
  let secondWorkspaceId: string;
  let interestsKey: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rolo-cli-export-'));
    const runtime = await startRuntime({ dataDir, databaseUrl: undefined });
    try {
      const { services } = runtime;
      const first = await services.workspaces.createWorkspace('First', 'BR');
      const second = await services.workspaces.createWorkspace('Second', 'US');
      secondWorkspaceId = second.id;
      const principal = systemPrincipal(first.id);
      const scope = { workspaceId: first.id, actor: actorOf(principal) };
      const interests = await services.customFields.createField(principal, {
        label: 'Interests',
        type: 'multi_select',
        options: { choices: ['Books', 'Music'] },
        required: false,
      });
      interestsKey = interests.key;
      await services.contacts.createContact(scope, {
        name: 'Maria Souza',
        phone: '11 98765-4321',
        tags: ['VIP', 'Customer'],
        custom: { [interests.key]: ['Books', 'Music'] },
      });
      await services.contacts.createContact(scope, { name: '=HYPERLINK("x")', company: '@SUM(1)' });
      await services.contacts.createContact(scope, { name: 'José Ñandú', email: 'jose@example.com' });
      await services.contacts.createContact(
        { workspaceId: second.id, actor: actorOf(systemPrincipal(second.id)) },
        { name: 'Second Person', email: 'second@example.com' },
      );
    } finally {
      await runtime.close();
    }
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** Runs `rolo export ARGS…` on the seeded data directory, keeping stdout as bytes. */
  function runExport(args: string[]): Promise<ExportRun> {
    const { DATABASE_URL: _url, ...environment } = process.env;
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/rolo.js'), 'export', ...args], {
      cwd: ROOT,
      env: { ...environment, ROLO_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout), stderr }));
    });
  }

  it('writes a search as CSV to stdout with the chosen columns and a BOM, and nothing to a non-terminal stderr', async () => {
    const run = await runExport([
      '--q',
      'souza',
      '--columns',
      `name,phone,tags,custom:${interestsKey}`,
      '--bom',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect([...run.stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(run.stdout.subarray(3).toString('utf8')).toBe(
      "Name,Phone,Tags,Interests\r\nMaria Souza,'+5511987654321,Customer; VIP,Books; Music\r\n",
    );
  });

  it('writes every contact of the first workspace as XLSX, or of the workspace named', async () => {
    const run = await runExport(['--format', 'xlsx', '--columns', 'name,company,email']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(run.stdout as unknown as ArrayBuffer);
    const rows = workbook.getWorksheet('Contacts')!.getSheetValues().slice(1) as unknown[][];
    expect(rows.map((row) => row.slice(1))).toEqual([
      ['Name', 'Company', 'Email'],
      ['Maria Souza'],
      [`'=HYPERLINK("x")`, `'@SUM(1)`],
      ['José Ñandú', undefined, 'jose@example.com'],
    ]);

    const second = await runExport(['--workspace', secondWorkspaceId, '--columns', 'name,email']);
    expect(second.code).toBe(0);
    expect(parse(second.stdout)).toEqual([
      ['Name', 'Email'],
      ['Second Person', 'second@example.com'],
    ]);
  });

  it('fails with the unknown column named and writes no file', async () => {
    const run = await runExport(['--columns', 'name,shoeSize']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unknown column "shoeSize"');
    expect(run.stdout.length).toBe(0);
  });
});
