import { contactSchema } from '../../shared/contact-schemas.js';
import { contactSearchSchema } from '../../shared/filter/contact-search-schema.js';
import { pageOf, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

/** POST /contacts/search: the contact list with a filter tree in the body. */
export function registerContactSearchRoutes(api: ApiInstance, { contacts, filters }: Services): void {
  api.post(
    '/contacts/search',
    {
      schema: {
        tags: ['Contacts'],
        summary: 'Search contacts with a filter tree (same answer as the list)',
        description:
          'Takes `{ filter, q, sort, limit, cursor }`; the filter language is described in docs/filters.md. A filter that names an unknown field or gives a value of the wrong type is a 400 naming it. `nextCursor` continues with the same body.',
        body: contactSearchSchema,
        response: { 200: pageOf(contactSchema) },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const { filter, ...query } = request.body;
      const where =
        filter === undefined || filter === null ? undefined : await filters.whereOf(workspaceId, filter);
      return contacts.listContacts(workspaceId, query, where);
    },
  );
}
