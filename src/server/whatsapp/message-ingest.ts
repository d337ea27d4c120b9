import { nowIso } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { Repositories } from '../db/repositories.js';
import type { ContactsTable, MessagesTable } from '../db/schema.js';
import type { ResolvedChannel } from './channels.service.js';
import { keywordIntentOf } from './consent-keywords.js';
import { createContactFor, refreshKnownContact, WHATSAPP_ACTOR } from './contact-for-sender.js';
import { placeMessage } from './conversation-window.js';
import { isoOfTimestamp, type WaMessage, type WaSender, type WaStatus } from './inbound-notification.js';
import { contentOf } from './message-content.js';
import { furthestStatus } from './message-status.js';
import { senderIdentityOf, type SenderIdentity } from './sender-identities.js';

/** What storing one inbound message did. */
export type InboundOutcome = 'stored' | 'duplicate' | 'no_sender';

/** The contact a sender is, created when they are new (kinds are matched in this order of trust). */
async function contactOf(
  repos: Repositories,
  workspaceId: string,
  sender: SenderIdentity,
  now: string,
): Promise<ContactsTable> {
  const owners = await repos.identities.findOwners(workspaceId, sender.keys);
  const order = ['whatsapp', 'whatsapp_bsuid', 'phone', 'whatsapp_username'];
  owners.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const known = owners[0] ? await repos.contacts.find(workspaceId, owners[0].contact_id) : undefined;
  if (!known) return createContactFor(repos, workspaceId, sender, 'whatsapp', WHATSAPP_ACTOR, now);
  await refreshKnownContact(repos, known, sender, owners, now);
  return known;
}

/** Files a message into its conversation (starting one when none is open) and counts it on the contact. */
export async function fileMessage(
  repos: Repositories,
  row: Omit<MessagesTable, 'conversation_id'>,
): Promise<MessagesTable> {
  const { workspace_id: workspaceId, contact_id: contactId, sent_at: at } = row;
  const direction = row.direction === 'in' ? 'in' : 'out';
  const latest = await repos.messages.conversationAt(workspaceId, contactId, at);
  const placement = placeMessage(latest, at, direction);
  let conversationId: string;
  if (placement.join) {
    conversationId = placement.conversationId;
    await repos.messages.updateConversation(workspaceId, conversationId, {
      expires_at: placement.expiresAt,
      last_message_at: placement.lastMessageAt,
    });
  } else {
    conversationId = newId();
    await repos.messages.insertConversation({
      workspace_id: workspaceId,
      id: conversationId,
      contact_id: contactId,
      channel_id: row.channel_id,
      opened_by: placement.openedBy,
      started_at: at,
      expires_at: placement.expiresAt,
      last_message_at: at,
    });
  }
  const message: MessagesTable = { ...row, conversation_id: conversationId };
  await repos.messages.insert(message);
  await repos.contacts.recordMessage(workspaceId, contactId, {
    direction,
    at,
    startedConversation: !placement.join,
  });
  const change = direction === 'in' ? 'message_received' : 'message_sent';
  await repos.events.noteChange(workspaceId, contactId, change);
  return message;
}

/** Records a marketing opt-out or opt-in on the contact's consent ledger, with the message as proof. */
export async function recordMarketingConsent(
  repos: Repositories,
  workspaceId: string,
  contactId: string,
  status: 'opted_out' | 'opted_in',
  source: string,
  proof: Record<string, unknown>,
  now: string,
): Promise<void> {
  await repos.consents.append({
    workspace_id: workspaceId,
    id: newId(),
    contact_id: contactId,
    channel: 'whatsapp',
    purpose: 'marketing',
    status,
    source,
    proof: JSON.stringify(proof),
    recorded_by: null,
    recorded_at: now,
  });
}

/**
 * Stores one inbound message exactly once (by its WhatsApp id): finds or creates the contact, files the message in
 * its conversation, keeps the counters exact, and honours opt-out and opt-in keywords.
 */
export async function ingestInboundMessage(
  repos: Repositories,
  channel: ResolvedChannel,
  message: WaMessage,
  sender: WaSender | undefined,
): Promise<InboundOutcome> {
  const { workspaceId } = channel;
  if (await repos.messages.findByWaId(workspaceId, message.id)) return 'duplicate';
  const identity = senderIdentityOf(message, sender);
  if (identity.keys.length === 0) return 'no_sender';
  const now = nowIso();
  const contact = await contactOf(repos, workspaceId, identity, now);
  const content = contentOf(message);
  const at = isoOfTimestamp(message.timestamp, now);
  await fileMessage(repos, {
    workspace_id: workspaceId,
    id: newId(),
    wa_message_id: message.id,
    contact_id: contact.id,
    channel_id: channel.id,
    direction: 'in',
    type: content.type,
    body: content.body,
    payload: content.payload,
    status: 'received',
    status_at: at,
    error_code: null,
    error_title: null,
    reply_to: message.context?.id ?? null,
    sent_by: null,
    sent_at: at,
    created_at: now,
  });
  const intent =
    content.type === 'text' || content.type === 'button'
      ? keywordIntentOf(content.body, channel.optOutKeywords, channel.optInKeywords)
      : null;
  if (intent)
    await recordMarketingConsent(
      repos,
      workspaceId,
      contact.id,
      intent === 'opt_out' ? 'opted_out' : 'opted_in',
      'whatsapp_keyword',
      { messageId: message.id, text: content.body, receivedAt: at },
      now,
    );
  return 'stored';
}

/** Error codes that mean the customer stopped marketing messages. */
const OPTED_OUT_CODES = new Set([131050]);

/**
 * Applies a delivery status once (by message and status): the message's status only moves forward
 * (sent → delivered → read; failed is final), whatever order the statuses arrive in. A status for a message not
 * stored yet is kept and applied when the message is.
 */
export async function applyStatus(
  repos: Repositories,
  channel: ResolvedChannel,
  status: WaStatus,
): Promise<boolean> {
  const { workspaceId } = channel;
  const now = nowIso();
  const error = status.errors?.[0];
  const fresh = await repos.messages.recordStatus({
    workspace_id: workspaceId,
    wa_message_id: status.id,
    status: status.status,
    occurred_at: isoOfTimestamp(status.timestamp, now),
    error_code: error?.code ?? null,
    error_title: error ? (error.title ?? error.message ?? null) : null,
    received_at: now,
  });
  if (!fresh) return false;
  const message = await repos.messages.findByWaId(workspaceId, status.id);
  if (message) await settleStatus(repos, message);
  return true;
}

/** Moves a message to the furthest status seen for it, and records an opt-out a failure reports. */
export async function settleStatus(repos: Repositories, message: MessagesTable): Promise<void> {
  const seen = await repos.messages.statusesOf(message.workspace_id, message.wa_message_id);
  const next = furthestStatus(message, seen);
  if (!next) return;
  await repos.messages.setStatus(message.workspace_id, message.id, next);
  if (next.status === 'failed' && next.error_code !== null && OPTED_OUT_CODES.has(next.error_code))
    await recordMarketingConsent(
      repos,
      message.workspace_id,
      message.contact_id,
      'opted_out',
      'whatsapp_error_131050',
      { messageId: message.wa_message_id, errorCode: next.error_code, failedAt: next.status_at },
      nowIso(),
    );
}
