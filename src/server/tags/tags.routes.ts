import { z } from 'zod';
import { tagCreateSchema, tagSchema, tagUpdateSchema } from '../../shared/tag-schemas.js';
import { idParams, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

const tags = ['Tags'];
const tagList = z.object({ data: z.array(tagSchema) });

/** Tags: CRUD, merge, and the recommended set. */
export function registerTagRoutes(api: ApiInstance, services: Services): void {
  const { tags: tagService } = services;
  api.get(
    '/tags',
    { schema: { tags, summary: 'List tags with contact counts', response: { 200: tagList } } },
    async (request) => ({
      data: await tagService.listTags(principalOf(request).workspaceId),
    }),
  );
  api.post(
    '/tags',
    { schema: { tags, summary: 'Create a tag', body: tagCreateSchema, response: { 201: tagSchema } } },
    async (request, reply) =>
      reply.status(201).send(await tagService.createTag(principalOf(request), request.body)),
  );
  api.get(
    '/tags/:id',
    { schema: { tags, summary: 'Get a tag', params: idParams, response: { 200: tagSchema } } },
    async (request) => tagService.getTag(principalOf(request).workspaceId, request.params.id),
  );
  api.patch(
    '/tags/:id',
    {
      schema: {
        tags,
        summary: 'Rename, recolour or recategorise a tag',
        params: idParams,
        body: tagUpdateSchema,
        response: { 200: tagSchema },
      },
    },
    async (request) => tagService.updateTag(principalOf(request), request.params.id, request.body),
  );
  api.delete(
    '/tags/:id',
    {
      schema: {
        tags,
        summary: 'Delete a tag from every contact (admin)',
        params: idParams,
        response: { 200: z.object({ contactCount: z.number() }) },
      },
    },
    async (request) => tagService.deleteTag(principalOf(request), request.params.id),
  );
  api.post(
    '/tags/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge this tag into another (admin)',
        params: idParams,
        body: z.object({ targetId: z.string().min(1).max(100) }).strict(),
        response: { 200: tagSchema },
      },
    },
    async (request) => tagService.mergeTags(principalOf(request), request.params.id, request.body.targetId),
  );
  api.post(
    '/tags/presets/recommended',
    { schema: { tags, summary: 'Add the recommended tag system (admin)', response: { 200: tagList } } },
    async (request) => ({ data: await tagService.applyRecommendedTags(principalOf(request)) }),
  );
}
