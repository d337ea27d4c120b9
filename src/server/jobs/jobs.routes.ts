import { z } from 'zod';
import { jobSchema } from '../../shared/job-schemas.js';
import { idParams, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

const tags = ['Jobs'];

/** Background jobs: state and progress, and cancellation. */
export function registerJobRoutes(api: ApiInstance, { jobs }: Services): void {
  api.get(
    '/jobs',
    {
      schema: {
        tags,
        summary: 'The newest jobs of the workspace',
        response: { 200: z.object({ data: z.array(jobSchema) }) },
      },
    },
    async (request) => ({
      data: await jobs.listJobs(principalOf(request).workspaceId),
    }),
  );
  api.get(
    '/jobs/:id',
    {
      schema: {
        tags,
        summary: 'State, progress and result of a job',
        params: idParams,
        response: { 200: jobSchema },
      },
    },
    async (request) => jobs.getJob(principalOf(request).workspaceId, request.params.id),
  );
  api.post(
    '/jobs/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a queued or running job',
        params: idParams,
        response: { 200: jobSchema },
      },
    },
    async (request) => jobs.cancelJob(principalOf(request).workspaceId, request.params.id),
  );
}
