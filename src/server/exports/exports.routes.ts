import { z } from 'zod';
import { exportRequestSchema, exportSchema } from '../../shared/export-schemas.js';
import { idParams, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

const tags = ['Exports'];

/** Exports of contacts to CSV or XLSX: start, follow, cancel, download. */
export function registerExportRoutes(api: ApiInstance, { exports }: Services): void {
  api.post(
    '/exports',
    {
      schema: {
        tags,
        summary: 'Export contacts to a CSV or XLSX file',
        description:
          'Runs as a background job (202); follow GET /exports/:id until it is done, then download the file within 24 hours.',
        body: exportRequestSchema,
        response: { 202: exportSchema },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await exports.startExport(principalOf(request), request.body)),
  );
  api.get(
    '/exports',
    {
      schema: {
        tags,
        summary: 'The newest exports of the workspace',
        response: { 200: z.object({ data: z.array(exportSchema) }) },
      },
    },
    async (request) => ({ data: await exports.listExports(principalOf(request).workspaceId) }),
  );
  api.get(
    '/exports/:id',
    {
      schema: {
        tags,
        summary: 'State, progress and download link of an export',
        params: idParams,
        response: { 200: exportSchema },
      },
    },
    async (request) => exports.getExport(principalOf(request).workspaceId, request.params.id),
  );
  api.post(
    '/exports/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a queued or running export',
        params: idParams,
        response: { 200: exportSchema },
      },
    },
    async (request) => exports.cancelExport(principalOf(request).workspaceId, request.params.id),
  );
  api.get(
    '/exports/:id/download',
    {
      schema: {
        tags,
        summary: 'Download the file of a finished export',
        description:
          'The CSV or XLSX file as an attachment; 410 gone once the link has expired (24 hours after it finished).',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await exports.openDownload(principalOf(request).workspaceId, request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-length', String(file.size))
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );
}
