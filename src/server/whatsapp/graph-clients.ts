import type { ResolvedChannel } from './channels.service.js';
import { GraphClient, type GraphClientOptions } from './graph/graph-client.js';

/** Settings every client gets besides the channel's (tests shorten the back-off). */
export type GraphClientDefaults = Pick<
  GraphClientOptions,
  'maxRetries' | 'retryBaseMs' | 'messagesPerSecond' | 'fetch'
>;

/**
 * One Graph API client per connected number and its settings, kept for the life of the process so that the
 * number's send pace (80 messages/s) is shared by every request that sends from it.
 */
export class GraphClients {
  private readonly clients = new Map<string, { key: string; client: GraphClient }>();

  constructor(private readonly defaults: GraphClientDefaults = {}) {}

  /** The client for a channel, or null when the channel has no access token. */
  clientFor(channel: ResolvedChannel): GraphClient | null {
    if (!channel.accessToken) return null;
    const key = JSON.stringify([
      channel.graphUrl,
      channel.graphVersion,
      channel.accessToken,
      channel.phoneNumberId,
      channel.wabaId,
    ]);
    const known = this.clients.get(channel.id);
    if (known?.key === key) return known.client;
    const client = new GraphClient({
      ...this.defaults,
      graphUrl: channel.graphUrl,
      version: channel.graphVersion,
      accessToken: channel.accessToken,
      phoneNumberId: channel.phoneNumberId,
      ...(channel.wabaId ? { wabaId: channel.wabaId } : {}),
    });
    this.clients.set(channel.id, { key, client });
    return client;
  }
}
