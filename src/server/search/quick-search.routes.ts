import { quickSearchQuerySchema, quickSearchResultSchema } from '../../shared/quick-search-schemas.js';
import { principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

/** GET /contacts/quick-search: the best few contacts for the text typed so far. */
export function registerQuickSearchRoutes(api: ApiInstance, { quickSearch }: Services): void {
  api.get(
    '/contacts/quick-search',
    {
      schema: {
        tags: ['Contacts'],
        summary: 'Find contacts as you type (name, phone, email, company), best matches first',
        description:
          'Accent- and case-insensitive; phone numbers in any format, partial or by their last digits. Exact matches of the whole name, email or phone come first, then names and words that start with the text, then the text anywhere; by name within each. One character matches names that start with it; two also match words that start with them; substrings need three.',
        querystring: quickSearchQuerySchema,
        response: { 200: quickSearchResultSchema },
      },
    },
    async (request) => ({
      data: await quickSearch.search(principalOf(request).workspaceId, request.query),
    }),
  );
}
