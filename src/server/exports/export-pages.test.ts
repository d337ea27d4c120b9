import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestRuntime } from '../../../test/support/test-database.js';
import type { ExportSelection } from '../../shared/export-schemas.js';
import { actorOf, systemPrincipal } from '../auth/principal.js';
import { toFieldDefinition } from '../custom-fields/custom-field-values.js';
import type { Runtime } from '../runtime.js';
import { resolveExportColumns } from './export-columns.js';
import { countSelection, needsOf, readExportPages } from './export-pages.js';
import { writeExportFile } from './export-writer.js';

describeEachDialect('export pages', (dialect) => {
  let runtime: Runtime;
  let workspaceId: string;
  let ids: string[];

  beforeAll(async () => {
    runtime = await openTestRuntime(dialect);
    const { services } = runtime;
    workspaceId = (await services.workspaces.createWorkspace('Pages', 'BR')).id;
    const principal = systemPrincipal(workspaceId);
    const scope = { workspaceId, actor: actorOf(principal) };
    await services.customFields.createField(principal, {
      key: 'level',
      label: 'Level',
      type: 'number',
      options: {},
      required: false,
    });
    const other = (await services.workspaces.createWorkspace('Neighbour')).id;
    const neighbour = { workspaceId: other, actor: actorOf(systemPrincipal(other)) };
    ids = [];
    for (let i = 1; i <= 5; i++) {
      await services.contacts.createContact(neighbour, { name: `Neighbour ${i}`, tags: ['Theirs'] });
      const created = await services.contacts.createContact(scope, {
        name: `Person ${i}`,
        phone: `11 98765-432${i}`,
        tags: i % 2 ? [`Tag ${i}`, 'Odd'] : [],
        custom: i === 3 ? {} : { level: i * 10 },
      });
      ids.push(created.id);
      await runtime.db.kysely
        .insertInto('contact_identities')
        .values({
          workspace_id: workspaceId,
          kind: 'whatsapp',
          value: `551198765432${i}`,
          contact_id: created.id,
          created_at: new Date().toISOString(),
        })
        .execute();
    }
  });
  afterAll(async () => runtime.close());

  const columnsOf = async () =>
    resolveExportColumns(
      ['name', 'whatsappId', 'tags', 'custom:level'],
      (await runtime.services.uow.repos.customFields.listDefinitions(workspaceId)).map(toFieldDefinition),
      'refuse',
    );
  const readAll = async (selection: ExportSelection, pageSize: number) => {
    const pages = [];
    const needs = needsOf(await columnsOf());
    for await (const page of readExportPages(
      runtime.services.uow.repos,
      workspaceId,
      selection,
      needs,
      pageSize,
    ))
      pages.push({
        processed: page.processed,
        records: page.records.map((r) => ({
          id: r.contact.id,
          tags: r.tags,
          level: r.custom.level,
          whatsappId: r.whatsappId,
        })),
      });
    return pages;
  };
  const expected = (i: number) => ({
    id: ids[i - 1],
    tags: i % 2 ? ['Odd', `Tag ${i}`] : [],
    level: i === 3 ? undefined : i * 10,
    whatsappId: `551198765432${i}`,
  });

  it('reads every contact in id order, two at a time, each with only its own tags, values and WhatsApp id', async () => {
    const pages = await readAll({ all: true }, 2);
    expect(pages.map((p) => p.processed)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.records)).toEqual([1, 2, 3, 4, 5].map(expected));
    expect(await readAll({ all: true }, 2000)).toEqual([
      { processed: 5, records: [1, 2, 3, 4, 5].map(expected) },
    ]);
  });

  it('reads a search and listed ids page by page, counting ids of no contact as processed', async () => {
    const searched = await readAll({ q: 'person' }, 2);
    expect(searched.flatMap((p) => p.records)).toEqual([1, 2, 3, 4, 5].map(expected));
    const listed = await readAll({ ids: [ids[4]!, 'missing', ids[0]!, ids[2]!, ids[0]!] }, 2);
    expect(listed.map((p) => p.processed)).toEqual([2, 2]);
    expect(
      listed
        .flatMap((p) => p.records)
        .map((r) => r.id)
        .sort(),
    ).toEqual([ids[0], ids[2], ids[4]].sort());
    expect(
      await countSelection(runtime.services.uow.repos, workspaceId, { ids: [ids[0]!, ids[0]!, 'x'] }),
    ).toBe(2);
  });

  it('reports progress after each page and writes one row per contact', async () => {
    const columns = await columnsOf();
    const output = new PassThrough();
    const written = text(output);
    const progress: Array<[number, number]> = [];
    const rows = await writeExportFile({
      pages: readExportPages(runtime.services.uow.repos, workspaceId, { all: true }, needsOf(columns), 2),
      columns,
      format: 'csv',
      bom: false,
      output,
      total: 4,
      onProgress: (done, total) => void progress.push([done, total]),
    });
    expect(rows).toBe(5);
    expect(progress).toEqual([
      [2, 4],
      [4, 4],
      [5, 5],
    ]);
    expect((await written).split('\r\n')).toEqual([
      'Name,WhatsApp ID,Tags,Level',
      'Person 1,5511987654321,Odd; Tag 1,10',
      'Person 2,5511987654322,,20',
      'Person 3,5511987654323,Odd; Tag 3,',
      'Person 4,5511987654324,,40',
      'Person 5,5511987654325,Odd; Tag 5,50',
      '',
    ]);
  });
});
