import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestRuntime, describeEachDialect } from '../../../test/support/test-database.js';
import { systemPrincipal } from '../auth/principal.js';
import { AppError } from '../http/errors.js';
import { createJobHandlers } from '../jobs/job-handlers.js';
import { JobRunner } from '../jobs/job-runner.js';
import type { Runtime } from '../runtime.js';

/** Files an import may be given: random bytes, CSV-like text with ragged rows, huge fields and stray quotes. */
const messyFile = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
  fc
    .array(
      fc.array(
        fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.constantFrom('"', '""', '\n', ';', ',', '+55 11 98765-4321', 'x@example.com', '=SUM(A1)', 'Zoë'),
          fc.constant('y'.repeat(120_000)),
        ),
        { maxLength: 8 },
      ),
      { minLength: 1, maxLength: 12 },
    )
    .chain((rows) =>
      fc
        .constantFrom('utf8', 'latin1', 'utf16le')
        .map((encoding) =>
          Buffer.from(
            ['Name,Phone,Email', ...rows.map((r) => r.join(','))].join('\n'),
            encoding as BufferEncoding,
          ),
        ),
    ),
);

describeEachDialect('imports of messy files', (dialect) => {
  let runtime: Runtime & { close(): Promise<void> };
  let workspaceId: string;

  beforeAll(async () => {
    runtime = await openTestRuntime(dialect);
    workspaceId = (await runtime.services.workspaces.createWorkspace('Messy', 'BR')).id;
  });
  afterAll(async () => runtime?.close());

  it('never crash: each file is refused as unreadable, or imported with a report that adds up', async () => {
    const { imports } = runtime.services;
    const principal = systemPrincipal(workspaceId);
    const runner = new JobRunner(runtime.services.uow.repos.jobs, createJobHandlers(runtime.services));
    await fc.assert(
      fc.asyncProperty(
        messyFile,
        fc.constantFrom('data.csv', 'data.xlsx', 'data.vcf'),
        async (bytes, name) => {
          let uploaded;
          try {
            uploaded = await imports.upload(principal, name, Readable.from([bytes]));
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe('unreadable_file');
            return;
          }
          await imports.start(principal, uploaded.import.id, {
            mapping: uploaded.proposedMapping,
            options: { tags: [], policy: 'fill', keepRowsWithInvalidPhone: false },
          });
          while (await runner.runOnce());
          const done = await imports.getImport(workspaceId, uploaded.import.id);
          expect(done.state).toBe('done');
          const { created, updated, skipped, failed } = done.counts;
          expect(created + updated + skipped + failed).toBe(done.progress.done);
        },
      ),
      { numRuns: dialect === 'sqlite' ? 60 : 25 },
    );
  }, 180_000);
});
