import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { TimelinePosition } from '../events/timeline-position.js';

/** Rows older than a position, newest-first keyset paging: an earlier time, or the same time and a smaller id. */
export function beforePosition(timeColumn: string, before: TimelinePosition): RawBuilder<SqlBool> {
  const time = sql.ref(timeColumn);
  return sql<SqlBool>`(${time} < ${before.at} or (${time} = ${before.at} and ${sql.ref('id')} < ${before.id}))`;
}
