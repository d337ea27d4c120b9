import type { MessagesTable, MessageStatusesTable } from '../db/schema.js';

const RANK: Record<string, number> = { pending: 0, sent: 1, delivered: 2, read: 3 };

/** The change that brings a message to the furthest of the statuses seen, or null when it is there already. */
export function furthestStatus(
  message: Pick<MessagesTable, 'status' | 'status_at'>,
  seen: Array<Pick<MessageStatusesTable, 'status' | 'occurred_at' | 'error_code' | 'error_title'>>,
): Pick<MessagesTable, 'status' | 'status_at' | 'error_code' | 'error_title'> | null {
  if (message.status === 'failed' || message.status === 'received') return null;
  const failed = seen.find((s) => s.status === 'failed');
  if (failed && message.status !== 'read' && !seen.some((s) => s.status === 'read'))
    return {
      status: 'failed',
      status_at: failed.occurred_at,
      error_code: failed.error_code,
      error_title: failed.error_title,
    };
  let best: (typeof seen)[number] | null = null;
  for (const status of seen)
    if ((RANK[status.status] ?? -1) > (RANK[best?.status ?? message.status] ?? -1)) best = status;
  return best
    ? { status: best.status, status_at: best.occurred_at, error_code: null, error_title: null }
    : null;
}
