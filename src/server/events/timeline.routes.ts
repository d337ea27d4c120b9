import { timelineItemSchema, timelineQuerySchema } from '../../shared/timeline-schemas.js';
import { idParams, pageOf, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

/** The contact timeline. */
export function registerTimelineRoutes(api: ApiInstance, { timeline }: Services): void {
  api.get(
    '/contacts/:id/timeline',
    {
      schema: {
        tags: ['Contacts'],
        summary: "A contact's WhatsApp messages, changes and notes, newest first (filter with kinds)",
        params: idParams,
        querystring: timelineQuerySchema,
        response: { 200: pageOf(timelineItemSchema) },
      },
    },
    async (request) =>
      timeline.getTimeline(
        principalOf(request).workspaceId,
        request.params.id,
        request.query.limit,
        request.query.cursor,
        request.query.kinds,
      ),
  );
}
