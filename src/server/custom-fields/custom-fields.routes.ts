import { z } from 'zod';
import {
  CUSTOM_FIELD_PRESETS,
  customFieldCreateSchema,
  customFieldSchema,
  customFieldUpdateSchema,
} from '../../shared/custom-field-schemas.js';
import { jobSchema } from '../../shared/job-schemas.js';
import { idParams, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

const tags = ['Custom fields'];
const fieldList = z.object({ data: z.array(customFieldSchema) });

/** Custom field definitions and presets. */
export function registerCustomFieldRoutes(api: ApiInstance, { customFields }: Services): void {
  api.get(
    '/custom-fields',
    { schema: { tags, summary: 'List custom fields in display order', response: { 200: fieldList } } },
    async (request) => ({
      data: await customFields.listFields(principalOf(request).workspaceId),
    }),
  );
  api.post(
    '/custom-fields',
    {
      schema: {
        tags,
        summary: 'Create a custom field (admin)',
        body: customFieldCreateSchema,
        response: { 201: customFieldSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await customFields.createField(principalOf(request), request.body)),
  );
  api.get(
    '/custom-fields/:id',
    {
      schema: {
        tags,
        summary: 'Get a custom field with how many contacts hold a value',
        params: idParams,
        response: { 200: customFieldSchema.extend({ contactCount: z.number() }) },
      },
    },
    async (request) => customFields.getField(principalOf(request).workspaceId, request.params.id),
  );
  api.patch(
    '/custom-fields/:id',
    {
      schema: {
        tags,
        summary: 'Change a custom field (admin)',
        description:
          'When removed choices touch more than 1,000 contacts, their values are dropped by the returned job.',
        params: idParams,
        body: customFieldUpdateSchema,
        response: { 200: customFieldSchema.extend({ job: jobSchema.optional() }) },
      },
    },
    async (request) => customFields.updateField(principalOf(request), request.params.id, request.body),
  );
  api.delete(
    '/custom-fields/:id',
    {
      schema: {
        tags,
        summary: 'Delete a custom field and its values (admin)',
        description:
          'Held by more than 1,000 contacts, the field is deleted by a job (202; follow GET /jobs/:id).',
        params: idParams,
        response: { 200: z.object({ contactCount: z.number() }), 202: z.object({ job: jobSchema }) },
      },
    },
    async (request, reply) => {
      const outcome = await customFields.deleteField(principalOf(request), request.params.id);
      return 'job' in outcome ? reply.status(202).send(outcome) : reply.send(outcome);
    },
  );
  api.put(
    '/custom-fields/order',
    {
      schema: {
        tags,
        summary: 'Set the display order (admin)',
        body: z.object({ ids: z.array(z.string().max(100)).max(1000) }).strict(),
        response: { 200: fieldList },
      },
    },
    async (request) => ({ data: await customFields.reorderFields(principalOf(request), request.body.ids) }),
  );
  api.post(
    '/custom-fields/presets/:preset',
    {
      schema: {
        tags,
        summary: 'Add a preset group: ecommerce, saas or services (admin)',
        params: z.object({ preset: z.enum(CUSTOM_FIELD_PRESETS) }),
        response: { 200: fieldList },
      },
    },
    async (request) => ({
      data: await customFields.applyPreset(principalOf(request), request.params.preset),
    }),
  );
}
