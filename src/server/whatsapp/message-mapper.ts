import type { Message } from '../../shared/message-schemas.js';
import type { MessagesTable } from '../db/schema.js';
import { describeGraphError } from './graph/graph-errors.js';

/** A stored message as the API returns it, with a failure explained in words. */
export function toMessage(row: MessagesTable): Message {
  return {
    id: row.id,
    waMessageId: row.wa_message_id,
    conversationId: row.conversation_id,
    direction: row.direction === 'in' ? 'in' : 'out',
    type: row.type,
    body: row.body,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    status: row.status as Message['status'],
    statusAt: row.status_at,
    errorCode: row.error_code,
    errorMessage:
      row.status === 'failed'
        ? row.error_code !== null
          ? describeGraphError(row.error_code, row.error_title ?? undefined).message
          : (row.error_title ?? 'The message could not be sent')
        : null,
    replyTo: row.reply_to,
    sentBy: row.sent_by,
    sentAt: row.sent_at,
  };
}
