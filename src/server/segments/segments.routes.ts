import { z } from 'zod';
import { jobSchema } from '../../shared/job-schemas.js';
import {
  segmentActivityQuerySchema,
  segmentActivitySchema,
  segmentCreateSchema,
  segmentSchema,
  segmentUpdateSchema,
  segmentWithCountSchema,
} from '../../shared/segment-schemas.js';
import { idParams, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

const tags = ['Segments'];

/** Segments: CRUD with live counts, snapshots on demand, and the activity series. */
export function registerSegmentRoutes(api: ApiInstance, { segments }: Services): void {
  api.get(
    '/segments',
    {
      schema: {
        tags,
        summary: 'Every segment, by name, with its size at the last snapshot',
        response: { 200: z.object({ data: z.array(segmentSchema) }) },
      },
    },
    async (request) => ({ data: await segments.listSegments(principalOf(request)) }),
  );
  api.post(
    '/segments',
    {
      schema: {
        tags,
        summary: 'Create a segment (its first snapshot is queued at once)',
        body: segmentCreateSchema,
        response: { 201: segmentWithCountSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await segments.createSegment(principalOf(request), request.body)),
  );
  api.get(
    '/segments/:id',
    {
      schema: {
        tags,
        summary: 'Get a segment with its live count',
        description: 'Its contacts: GET /contacts?segment=<id> (with the list’s other parameters).',
        params: idParams,
        response: { 200: segmentWithCountSchema },
      },
    },
    async (request) => segments.getSegment(principalOf(request), request.params.id),
  );
  api.patch(
    '/segments/:id',
    {
      schema: {
        tags,
        summary: 'Rename, redescribe or refilter a segment (its creator or an admin)',
        params: idParams,
        body: segmentUpdateSchema,
        response: { 200: segmentWithCountSchema },
      },
    },
    async (request) => segments.updateSegment(principalOf(request), request.params.id, request.body),
  );
  api.delete(
    '/segments/:id',
    {
      schema: {
        tags,
        summary: 'Delete a segment with its activity (its creator or an admin)',
        params: idParams,
      },
    },
    async (request, reply) => {
      await segments.deleteSegment(principalOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  api.post(
    '/segments/:id/snapshot',
    {
      schema: {
        tags,
        summary: 'Take a snapshot now (a job; its result is { snapshot })',
        params: idParams,
        response: { 202: z.object({ job: jobSchema }) },
      },
    },
    async (request, reply) =>
      reply.status(202).send({ job: await segments.queueSnapshot(principalOf(request), request.params.id) }),
  );
  api.get(
    '/segments/:id/activity',
    {
      schema: {
        tags,
        summary: 'Daily size, entered and left over the last `days` days (default 90), oldest first',
        params: idParams,
        querystring: segmentActivityQuerySchema,
        response: { 200: segmentActivitySchema },
      },
    },
    async (request) => segments.segmentActivity(principalOf(request), request.params.id, request.query.days),
  );
}
