import { z } from 'zod';
import {
  savedSearchCreateSchema,
  savedSearchSchema,
  savedSearchUpdateSchema,
} from '../../shared/saved-search-schemas.js';
import { idParams, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

const tags = ['Saved searches'];

/** Saved searches: list (mine and shared), CRUD, and per-member pins. */
export function registerSavedSearchRoutes(api: ApiInstance, { savedSearches }: Services): void {
  api.get(
    '/saved-searches',
    {
      schema: {
        tags,
        summary: "The caller's saved searches and the workspace's shared ones, pinned first",
        response: { 200: z.object({ data: z.array(savedSearchSchema) }) },
      },
    },
    async (request) => ({ data: await savedSearches.listSavedSearches(principalOf(request)) }),
  );
  api.post(
    '/saved-searches',
    {
      schema: {
        tags,
        summary: 'Save a search (personal unless shared)',
        body: savedSearchCreateSchema,
        response: { 201: savedSearchSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await savedSearches.createSavedSearch(principalOf(request), request.body)),
  );
  api.get(
    '/saved-searches/:id',
    {
      schema: { tags, summary: 'Get a saved search', params: idParams, response: { 200: savedSearchSchema } },
    },
    async (request) => savedSearches.getSavedSearch(principalOf(request), request.params.id),
  );
  api.patch(
    '/saved-searches/:id',
    {
      schema: {
        tags,
        summary: 'Change a saved search (its owner, or an admin when shared)',
        params: idParams,
        body: savedSearchUpdateSchema,
        response: { 200: savedSearchSchema },
      },
    },
    async (request) => savedSearches.updateSavedSearch(principalOf(request), request.params.id, request.body),
  );
  api.delete(
    '/saved-searches/:id',
    {
      schema: {
        tags,
        summary: 'Delete a saved search (its owner, or an admin when shared)',
        params: idParams,
      },
    },
    async (request, reply) => {
      await savedSearches.deleteSavedSearch(principalOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  api.put(
    '/saved-searches/:id/pin',
    {
      schema: {
        tags,
        summary: "Pin a saved search in the caller's sidebar",
        params: idParams,
        response: { 200: savedSearchSchema },
      },
    },
    async (request) => savedSearches.setPinned(principalOf(request), request.params.id, true),
  );
  api.delete(
    '/saved-searches/:id/pin',
    {
      schema: {
        tags,
        summary: "Unpin a saved search from the caller's sidebar",
        params: idParams,
        response: { 200: savedSearchSchema },
      },
    },
    async (request) => savedSearches.setPinned(principalOf(request), request.params.id, false),
  );
}
