import type { ContactConversationStats, WorkspaceStats } from '../../shared/message-schemas.js';
import type { UnitOfWork } from '../db/repositories.js';
import { notFound } from '../http/errors.js';
import { WINDOW_MS } from '../../shared/filter/standard-values.js';
import type { FirstResponseRow } from './conversation-stats.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The middle value of sorted numbers (the mean of the two middle ones when their count is even); null when none. */
function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** The nearest-rank percentile of sorted numbers: the smallest value that `share` of them do not exceed. */
function percentile(sorted: number[], share: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? null;
}

/**
 * First response times of customer-opened conversations: seconds from the customer's first message (the one that
 * opened the conversation) to the business's first message after it, over the conversations that got one; and
 * the response rate, the share of them that got one.
 */
function responseTimesOf(rows: FirstResponseRow[]): {
  sorted: number[];
  responseRate: number | null;
} {
  const sorted = rows
    .filter((row): row is { started_at: string; first_out: string } => row.first_out !== null)
    .map((row) => (Date.parse(row.first_out) - Date.parse(row.started_at)) / 1000)
    .sort((a, b) => a - b);
  return { sorted, responseRate: rows.length ? sorted.length / rows.length : null };
}

/**
 * Conversation statistics, as docs/whatsapp-statistics-definitions.md defines them:
 * - the 24-hour customer-service window of a contact is open until 24 h after its latest inbound message
 *   (contacts.last_inbound_at);
 * - a conversation starts with a message sent while none is open and lasts until 24 h after the last customer
 *   message in it (or 24 h after the template that opened it); `opened_by` is customer or business;
 * - the first response time of a customer-opened conversation runs from its first inbound message to the first
 *   outbound message after it in that conversation; the response rate is the share of customer-opened
 *   conversations with at least one outbound message.
 */
export class ConversationStatsService {
  constructor(private readonly uow: UnitOfWork) {}

  /** A contact's counters, first response times over all its conversations, and its window; 404 when unknown. */
  async contactStats(workspaceId: string, contactId: string): Promise<ContactConversationStats> {
    const { repos } = this.uow;
    const contact = await repos.contacts.find(workspaceId, contactId);
    if (!contact) throw notFound('Contact');
    const [counts, responses] = await Promise.all([
      repos.conversationStats.messageCountsOfContact(workspaceId, contactId),
      repos.conversationStats.firstResponsesOfContact(workspaceId, contactId),
    ]);
    const { sorted, responseRate } = responseTimesOf(responses);
    const expiresAt = contact.last_inbound_at
      ? new Date(Date.parse(contact.last_inbound_at) + WINDOW_MS).toISOString()
      : null;
    return {
      firstContactAt: contact.first_contact_at,
      lastInboundAt: contact.last_inbound_at,
      lastOutboundAt: contact.last_outbound_at,
      conversationCount: contact.conversation_count,
      messagesIn: counts.in,
      messagesOut: counts.out,
      medianFirstResponseSeconds: median(sorted),
      responseRate,
      window: { open: expiresAt !== null && Date.parse(expiresAt) > Date.now(), expiresAt },
    };
  }

  /**
   * The workspace over the last `days` UTC days, today included: new contacts per day and source (days and
   * sources with none are left out), conversations started and messages sent per day (every day, zeros
   * included), and the first response times of the customer-opened conversations that started in the period.
   */
  async workspaceStats(workspaceId: string, days: number): Promise<WorkspaceStats> {
    const { conversationStats } = this.uow.repos;
    const now = new Date();
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const fromMs = today - (days - 1) * DAY_MS;
    const from = new Date(fromMs).toISOString();
    const to = new Date(today + DAY_MS).toISOString();
    const [contacts, conversations, messages, responses] = await Promise.all([
      conversationStats.newContactsPerDay(workspaceId, from, to),
      conversationStats.conversationsPerDay(workspaceId, from, to),
      conversationStats.messagesPerDay(workspaceId, from, to),
      conversationStats.firstResponsesInPeriod(workspaceId, from, to),
    ]);
    const period = Array.from({ length: days }, (_, i) => dayOf(fromMs + i * DAY_MS));
    const conversationsOn = new Map(conversations.map((r) => [r.day, r.count]));
    const messagesOn = new Map(messages.map((r) => [`${r.day} ${r.direction}`, r.count]));
    const newContactsPerDay = [...contacts].sort(
      (a, b) => a.day.localeCompare(b.day) || a.source.localeCompare(b.source),
    );
    const conversationsPerDay = period.map((day) => ({ day, count: conversationsOn.get(day) ?? 0 }));
    const messagesPerDay = period.map((day) => ({
      day,
      inbound: messagesOn.get(`${day} in`) ?? 0,
      outbound: messagesOn.get(`${day} out`) ?? 0,
    }));
    const { sorted, responseRate } = responseTimesOf(responses);
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    return {
      from: dayOf(fromMs),
      to: dayOf(today),
      newContactsPerDay,
      conversationsPerDay,
      messagesPerDay,
      responseTimes: {
        medianFirstResponseSeconds: median(sorted),
        p90FirstResponseSeconds: percentile(sorted, 0.9),
        responseRate,
      },
      totals: {
        newContacts: sum(newContactsPerDay.map((r) => r.count)),
        conversations: sum(conversationsPerDay.map((r) => r.count)),
        messagesIn: sum(messagesPerDay.map((r) => r.inbound)),
        messagesOut: sum(messagesPerDay.map((r) => r.outbound)),
      },
    };
  }
}
