import { z } from 'zod';
import {
  automationCreateSchema,
  automationRunSchema,
  automationSchema,
  automationUpdateSchema,
} from '../../shared/automation-schemas.js';
import { idParams, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

const tags = ['Automations'];

/** Automation rules: CRUD and the log of their runs. */
export function registerAutomationRoutes(api: ApiInstance, { automations }: Services): void {
  api.get(
    '/automations',
    {
      schema: {
        tags,
        summary: 'Every automation of the workspace',
        response: { 200: z.object({ data: z.array(automationSchema) }) },
      },
    },
    async (request) => ({ data: await automations.listAutomations(principalOf(request).workspaceId) }),
  );
  api.post(
    '/automations',
    {
      schema: {
        tags,
        summary: 'Create an automation (admin)',
        description:
          'When the trigger happens to a contact (and it matches the condition, when there is one), the actions run in order. A webhook action needs webhookSecret: each call is signed with it (X-Rolo-Signature: sha256=HMAC of "<X-Rolo-Timestamp>.<body>").',
        body: automationCreateSchema,
        response: { 201: automationSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await automations.createAutomation(principalOf(request), request.body)),
  );
  api.get(
    '/automations/:id',
    { schema: { tags, summary: 'An automation', params: idParams, response: { 200: automationSchema } } },
    async (request) => automations.getAutomation(principalOf(request).workspaceId, request.params.id),
  );
  api.patch(
    '/automations/:id',
    {
      schema: {
        tags,
        summary: 'Change, enable or disable an automation (admin)',
        params: idParams,
        body: automationUpdateSchema,
        response: { 200: automationSchema },
      },
    },
    async (request) => automations.updateAutomation(principalOf(request), request.params.id, request.body),
  );
  api.delete(
    '/automations/:id',
    { schema: { tags, summary: 'Delete an automation and its log (admin)', params: idParams } },
    async (request, reply) => {
      await automations.deleteAutomation(principalOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  api.get(
    '/automations/:id/runs',
    {
      schema: {
        tags,
        summary: "An automation's newest runs: contact, trigger, outcome and error",
        params: idParams,
        querystring: z.object({ cursor: z.string().max(100).optional() }),
        response: {
          200: z.object({ data: z.array(automationRunSchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    async (request) =>
      automations.listRuns(principalOf(request).workspaceId, request.params.id, request.query.cursor),
  );
}
