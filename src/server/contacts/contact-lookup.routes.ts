import { z } from 'zod';
import {
  contactAnchorsQuerySchema,
  contactAnchorsSchema,
  contactCountQuerySchema,
  contactMatchesQuerySchema,
  contactMatchSchema,
} from '../../shared/contact-schemas.js';
import { principalOf, type ApiInstance } from '../http/api-instance.js';
import { contactListWhere } from '../segments/contact-list-where.js';
import type { Services } from '../services.js';

const tags = ['Contacts'];

/** What list and form screens ask besides contacts themselves: the count, deep-scroll anchors, identity matches. */
export function registerContactLookupRoutes(
  api: ApiInstance,
  { contactPositions, contactMatches, filters, segments }: Services,
): void {
  api.get(
    '/contacts/count',
    {
      schema: {
        tags,
        summary: 'Count contacts (all, or those matching the simple search q and the filter)',
        querystring: contactCountQuerySchema,
        response: { 200: z.object({ total: z.number() }) },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const where = await contactListWhere({ filters, segments }, workspaceId, request.query);
      return { total: await contactPositions.countContacts(workspaceId, request.query.q, where) };
    },
  );

  api.get(
    '/contacts/anchors',
    {
      schema: {
        tags,
        summary: 'Cursors at every N-th row of a sorted list, to jump deep into it with keyset pages',
        description:
          '`cursors[i]` is a list cursor (same sort, q and filter) whose page starts at row `(i + 1) * every`. One pass over the sort index; fetch it once per sort and search.',
        querystring: contactAnchorsQuerySchema,
        response: { 200: contactAnchorsSchema },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const where = await contactListWhere({ filters, segments }, workspaceId, request.query);
      return contactPositions.listAnchors(workspaceId, request.query, where);
    },
  );

  api.get(
    '/contacts/matches',
    {
      schema: {
        tags,
        summary: 'Contacts that already hold a phone or email (checked before saving)',
        description:
          'The phone is normalised with the workspace country, as a save would. excludeId leaves out the contact being edited.',
        querystring: contactMatchesQuerySchema,
        response: { 200: z.object({ data: z.array(contactMatchSchema) }) },
      },
    },
    async (request) => ({
      data: await contactMatches.findMatches(principalOf(request).workspaceId, request.query),
    }),
  );
}
