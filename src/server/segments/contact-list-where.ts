import { sql, type Expression, type SqlBool } from 'kysely';
import type { FilterService } from '../search/filter.service.js';
import type { SegmentsService } from './segments.service.js';

/** The list parameters that narrow the contacts: a filter tree as JSON, and a segment id. */
export interface ContactListNarrowing {
  filter?: string | undefined;
  segment?: string | undefined;
}

/**
 * The condition the contact list, count and anchors apply for `filter` and `segment` (both given: contacts
 * matching both); undefined when neither is given. A bad filter is a 400 naming it; an unknown segment a 404.
 */
export async function contactListWhere(
  services: {
    filters: Pick<FilterService, 'whereOf' | 'whereOfParam'>;
    segments: Pick<SegmentsService, 'segmentFilter'>;
  },
  workspaceId: string,
  query: ContactListNarrowing,
): Promise<Expression<SqlBool> | undefined> {
  const { filters, segments } = services;
  const fromFilter = await filters.whereOfParam(workspaceId, query.filter);
  if (query.segment === undefined) return fromFilter;
  const fromSegment = await filters.whereOf(
    workspaceId,
    await segments.segmentFilter(workspaceId, query.segment),
  );
  return fromFilter ? sql<SqlBool>`(${fromFilter}) and (${fromSegment})` : fromSegment;
}
