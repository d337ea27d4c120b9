import { z } from 'zod';
import { bulkActionRecordSchema, bulkResultSchema } from '../../shared/bulk-schemas.js';
import { jobSchema } from '../../shared/job-schemas.js';
import { actorOf } from '../auth/principal.js';
import { idParams, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

const tags = ['Contacts'];

/** Recorded bulk actions and their undo. */
export function registerBulkActionRoutes(api: ApiInstance, { bulkUndo }: Services): void {
  api.get(
    '/bulk-actions/:id',
    {
      schema: {
        tags,
        summary: 'A bulk action: its kind, state and whether it can be undone',
        params: idParams,
        response: { 200: bulkActionRecordSchema },
      },
    },
    async (request) => bulkUndo.getBulkAction(principalOf(request).workspaceId, request.params.id),
  );
  api.post(
    '/bulk-actions/:id/undo',
    {
      schema: {
        tags,
        summary: 'Undo a bulk tag, field or assignment action',
        description:
          'Restores each contact changed by the action (id: its bulkActionId, which is its job id when it ran as a job) to its value before. Up to 100 changed contacts are restored at once (200); more run as a job (202).',
        params: idParams,
        response: { 200: bulkResultSchema, 202: z.object({ job: jobSchema }) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const outcome = await bulkUndo.startUndo(
        { workspaceId: principal.workspaceId, actor: actorOf(principal) },
        request.params.id,
      );
      return 'job' in outcome ? reply.status(202).send({ job: outcome.job }) : reply.send(outcome.result);
    },
  );
}
