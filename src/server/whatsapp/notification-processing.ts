import type { Repositories } from '../db/repositories.js';
import type { ResolvedChannel } from './channels.service.js';
import { changesOf, type NotificationChange } from './inbound-notification.js';
import { applyStatus, ingestInboundMessage } from './message-ingest.js';

/** What processing one notification did, for the logs and the tests. */
export interface ProcessingSummary {
  messages: number;
  duplicates: number;
  statuses: number;
  /** Changes for numbers no workspace has connected (or signed with another app's secret). */
  unrouted: string[];
  problems: string[];
}

/** Finds the channels a business number routes to. */
export type ChannelLookup = (phoneNumberId: string) => Promise<ResolvedChannel[]>;

/** A notification read once: its `messages` changes, each with the channels of its business number, and what could not be read. */
export interface RoutedNotification {
  changes: Array<NotificationChange & { channels: ResolvedChannel[] }>;
  problems: string[];
}

/** Reads a notification and looks up the channels of every business number it names, before its transaction starts. */
export async function readNotification(
  body: unknown,
  channelsOf: ChannelLookup,
): Promise<RoutedNotification> {
  const { changes, problems } = changesOf(body);
  const routes = new Map<string, ResolvedChannel[]>();
  for (const change of changes)
    if (!routes.has(change.phoneNumberId))
      routes.set(change.phoneNumberId, await channelsOf(change.phoneNumberId));
  return {
    changes: changes.map((change) => ({ ...change, channels: routes.get(change.phoneNumberId) ?? [] })),
    problems,
  };
}

/**
 * Applies one received notification: each `messages` change goes to the workspace whose connected number it was
 * sent to, provided the notification was signed with that channel's secret.
 */
export async function processNotification(
  repos: Repositories,
  notification: RoutedNotification,
  verifiedBy: string,
): Promise<ProcessingSummary> {
  const summary: ProcessingSummary = {
    messages: 0,
    duplicates: 0,
    statuses: 0,
    unrouted: [],
    problems: [...notification.problems],
  };
  for (const change of notification.changes) {
    const channel = change.channels.find((c) => c.signedBy === verifiedBy);
    if (!channel) {
      summary.unrouted.push(change.phoneNumberId);
      continue;
    }
    for (const { message, sender } of change.messages) {
      const outcome = await ingestInboundMessage(repos, channel, message, sender);
      if (outcome === 'stored') summary.messages++;
      else if (outcome === 'duplicate') summary.duplicates++;
      else summary.problems.push(`message ${message.id} names no sender`);
    }
    for (const status of change.statuses) if (await applyStatus(repos, channel, status)) summary.statuses++;
  }
  return summary;
}
