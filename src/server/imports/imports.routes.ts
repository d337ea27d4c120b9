import { stringify } from 'csv-stringify';
import { z } from 'zod';
import { importPlanSchema, importSchema, importUploadSchema } from '../../shared/import-schemas.js';
import { requireRole } from '../auth/principal.js';
import { neutralizeCell } from '../exports/neutralize-cell.js';
import { AppError } from '../http/errors.js';
import { idParams, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

const tags = ['Imports'];

/** Bulk import: upload, dry run, run, progress and report, refused rows as CSV, history. */
export function registerImportRoutes(api: ApiInstance, { imports }: Services): void {
  api.post(
    '/imports',
    {
      schema: {
        tags,
        summary: 'Upload a CSV, Excel or vCard file: its first rows and a proposed mapping come back',
        consumes: ['multipart/form-data'],
        response: { 201: importUploadSchema },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      requireRole(principal, 'admin');
      if (!request.isMultipart())
        throw new AppError(
          'unsupported_media_type',
          415,
          'Send the file as multipart/form-data in a field named file',
        );
      const file = await request.file();
      if (!file) throw new AppError('validation_failed', 400, 'No file was sent (a field named file)');
      const upload = await imports.upload(principal, file.filename, file.file);
      return reply.status(201).send(upload);
    },
  );
  for (const [action, summary] of [
    ['dry-run', 'Try the import with a mapping and options, writing nothing; the result lands on the import'],
    ['start', 'Run the import with a mapping and options, as a background job'],
  ] as const)
    api.post(
      `/imports/:id/${action}`,
      {
        schema: { tags, summary, params: idParams, body: importPlanSchema, response: { 202: importSchema } },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        requireRole(principal, 'admin');
        const run = action === 'start' ? imports.start : imports.dryRun;
        return reply.status(202).send(await run.call(imports, principal, request.params.id, request.body));
      },
    );
  api.get(
    '/imports',
    {
      schema: {
        tags,
        summary: 'The newest imports',
        response: { 200: z.object({ data: z.array(importSchema) }) },
      },
    },
    async (request) => ({ data: await imports.listImports(principalOf(request).workspaceId) }),
  );
  api.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'An import with its progress and report',
        params: idParams,
        response: { 200: importSchema },
      },
    },
    async (request) => imports.getImport(principalOf(request).workspaceId, request.params.id),
  );
  api.post(
    '/imports/:id/cancel',
    { schema: { tags, summary: 'Stop a running import', params: idParams, response: { 200: importSchema } } },
    async (request) => {
      const principal = principalOf(request);
      requireRole(principal, 'admin');
      return imports.cancel(principal, request.params.id);
    },
  );
  api.get(
    '/imports/:id/errors.csv',
    {
      schema: {
        tags,
        summary: 'The rows skipped or refused, with their original cells and the reason',
        params: idParams,
      },
    },
    async (request, reply) => {
      const { workspaceId } = principalOf(request);
      const rows = imports.rowErrors(workspaceId, request.params.id);
      const first = await rows.next();
      const headers = first.done ? [] : first.value.headers;
      const csv = stringify({ record_delimiter: 'windows' });
      csv.write(['Row', 'Outcome', 'Reason', ...headers].map(neutralizeCell));
      void (async () => {
        try {
          for await (const { row } of rows)
            if (
              row &&
              !csv.write([String(row.number), row.outcome, row.reason, ...row.cells].map(neutralizeCell))
            )
              await new Promise((resolve) => csv.once('drain', resolve));
          csv.end();
        } catch (error) {
          csv.destroy(error as Error);
        }
      })();
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${request.params.id}-errors.csv"`)
        .send(csv);
    },
  );
}
