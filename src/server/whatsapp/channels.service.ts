import {
  DEFAULT_OPT_IN_KEYWORDS,
  DEFAULT_OPT_OUT_KEYWORDS,
  type Channel,
  type ChannelSettingsInput,
  type ChannelState,
} from '../../shared/whatsapp-schemas.js';
import { requireRole, type Principal } from '../auth/principal.js';
import type { SecretBox } from '../auth/secret-box.js';
import { nowIso } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { UnitOfWork } from '../db/repositories.js';
import type { WhatsappChannelsTable } from '../db/schema.js';
import { AppError, notFound } from '../http/errors.js';
import { GRAPH_DEFAULTS, type WhatsAppEnvironment } from './whatsapp-environment.js';

/** Where Meta must send the webhooks. */
export const WEBHOOK_PATH = '/webhooks/whatsapp';
/** Secrets are looked up again after this long, so that a change made by another process takes effect. */
const CACHE_MS = 5_000;

/** A channel with its secrets opened, as the webhook and the sender use it. */
export interface ResolvedChannel {
  workspaceId: string;
  id: string;
  phoneNumberId: string;
  displayNumber: string;
  wabaId: string | null;
  graphUrl: string;
  graphVersion: string;
  accessToken: string | null;
  /** Which secret signs this channel's webhooks: its own (`id`) or the environment's (`env`). */
  signedBy: string;
  optOutKeywords: string[];
  optInKeywords: string[];
}

/** A secret that may sign webhooks, and who it belongs to. */
export interface SigningSecret {
  key: string;
  secret: string;
}

function toChannel(row: WhatsappChannelsTable): Channel {
  return {
    id: row.id,
    phoneNumberId: row.phone_number_id,
    displayNumber: row.display_number,
    wabaId: row.waba_id,
    graphUrl: row.graph_url,
    graphVersion: row.graph_version,
    accessTokenSet: row.access_token !== null,
    appSecretSet: row.app_secret !== null,
    verifyTokenSet: row.verify_token !== null,
    optOutKeywords: JSON.parse(row.opt_out_keywords) as string[],
    optInKeywords: JSON.parse(row.opt_in_keywords) as string[],
    updatedAt: row.updated_at,
  };
}

/** The workspace's WhatsApp number: its settings (secrets sealed at rest) and how webhooks find it. */
export class ChannelsService {
  private readonly byNumber = new Map<string, { at: number; channels: ResolvedChannel[] }>();
  private secrets: { at: number; list: SigningSecret[] } | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly box: SecretBox,
    private readonly env: WhatsAppEnvironment,
  ) {}

  /** The channel settings page. */
  async getState(workspaceId: string): Promise<ChannelState> {
    const row = await this.uow.repos.channels.findForWorkspace(workspaceId);
    return {
      channel: row ? toChannel(row) : null,
      webhookPath: WEBHOOK_PATH,
      environment: { appSecret: Boolean(this.env.appSecret), verifyToken: Boolean(this.env.verifyToken) },
    };
  }

  /** Connects the workspace's number or changes its settings (admins). */
  async saveSettings(principal: Principal, input: ChannelSettingsInput): Promise<ChannelState> {
    requireRole(principal, 'admin');
    const { workspaceId } = principal;
    await this.uow.transaction(async (repos) => {
      const others = (await repos.channels.findByPhoneNumberId(input.phoneNumberId)).filter(
        (c) => c.workspace_id !== workspaceId,
      );
      if (others.length)
        throw new AppError(
          'channel_taken',
          409,
          'This phone number id is already connected to another workspace',
          [{ path: 'phoneNumberId', message: 'is connected to another workspace' }],
        );
      const existing = await repos.channels.findForWorkspace(workspaceId);
      const seal = (value: string | null | undefined, current: string | null) =>
        value === undefined ? current : value === null ? null : this.box.encrypt(value);
      const now = nowIso();
      const row: WhatsappChannelsTable = {
        workspace_id: workspaceId,
        id: existing?.id ?? newId(),
        phone_number_id: input.phoneNumberId,
        display_number: input.displayNumber,
        waba_id: input.wabaId === undefined ? (existing?.waba_id ?? null) : input.wabaId,
        graph_url: (input.graphUrl ?? existing?.graph_url ?? GRAPH_DEFAULTS.url).replace(/\/+$/, ''),
        graph_version: input.graphVersion ?? existing?.graph_version ?? GRAPH_DEFAULTS.version,
        access_token: seal(input.accessToken, existing?.access_token ?? null),
        app_secret: seal(input.appSecret, existing?.app_secret ?? null),
        verify_token: seal(input.verifyToken, existing?.verify_token ?? null),
        opt_out_keywords: JSON.stringify(
          input.optOutKeywords ??
            (existing ? JSON.parse(existing.opt_out_keywords) : DEFAULT_OPT_OUT_KEYWORDS),
        ),
        opt_in_keywords: JSON.stringify(
          input.optInKeywords ?? (existing ? JSON.parse(existing.opt_in_keywords) : DEFAULT_OPT_IN_KEYWORDS),
        ),
        created_at: existing?.created_at ?? now,
        updated_at: now,
      };
      if (existing) await repos.channels.update(workspaceId, existing.id, row);
      else await repos.channels.insert(row);
    });
    this.forget();
    return this.getState(workspaceId);
  }

  /** Disconnects the workspace's number (admins); conversations and messages stay. */
  async disconnect(principal: Principal): Promise<void> {
    requireRole(principal, 'admin');
    const row = await this.uow.repos.channels.findForWorkspace(principal.workspaceId);
    if (!row) throw notFound('WhatsApp channel');
    await this.uow.repos.channels.delete(principal.workspaceId, row.id);
    this.forget();
  }

  /** Connects the environment's number (WHATSAPP_PHONE_NUMBER_ID…) to a workspace unless a channel already has it. */
  async connectFromEnvironment(workspaceId: string): Promise<void> {
    const { phoneNumberId } = this.env;
    if (!phoneNumberId || (await this.uow.repos.channels.findByPhoneNumberId(phoneNumberId)).length) return;
    if (await this.uow.repos.channels.findForWorkspace(workspaceId)) return;
    const now = nowIso();
    await this.uow.repos.channels.insert({
      workspace_id: workspaceId,
      id: newId(),
      phone_number_id: phoneNumberId,
      display_number: this.env.displayNumber ?? phoneNumberId,
      waba_id: this.env.wabaId ?? null,
      graph_url: (this.env.graphUrl ?? GRAPH_DEFAULTS.url).replace(/\/+$/, ''),
      graph_version: GRAPH_DEFAULTS.version,
      access_token: null,
      app_secret: null,
      verify_token: null,
      opt_out_keywords: JSON.stringify(DEFAULT_OPT_OUT_KEYWORDS),
      opt_in_keywords: JSON.stringify(DEFAULT_OPT_IN_KEYWORDS),
      created_at: now,
      updated_at: now,
    });
    this.forget();
  }

  /** The channel a webhook's `metadata.phone_number_id` names, if its number is connected. */
  async resolveByPhoneNumberId(phoneNumberId: string): Promise<ResolvedChannel[]> {
    const cached = this.byNumber.get(phoneNumberId);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.channels;
    const rows = await this.uow.repos.channels.findByPhoneNumberId(phoneNumberId);
    const channels = rows.map((row) => this.resolve(row));
    this.byNumber.set(phoneNumberId, { at: Date.now(), channels });
    return channels;
  }

  /** The workspace's channel with its secrets opened, or a 409 saying that no number is connected. */
  async requireChannel(workspaceId: string): Promise<ResolvedChannel> {
    const row = await this.uow.repos.channels.findForWorkspace(workspaceId);
    if (!row)
      throw new AppError(
        'channel_not_connected',
        409,
        'No WhatsApp number is connected: connect one in Settings → WhatsApp',
      );
    return this.resolve(row);
  }

  /** Every secret a webhook may be signed with: the environment's and each channel's own. */
  async signingSecrets(): Promise<SigningSecret[]> {
    if (this.secrets && Date.now() - this.secrets.at < CACHE_MS) return this.secrets.list;
    const list: SigningSecret[] = this.env.appSecret ? [{ key: 'env', secret: this.env.appSecret }] : [];
    for (const row of await this.uow.repos.channels.listAppSecrets())
      if (row.app_secret) list.push({ key: row.id, secret: this.box.decrypt(row.app_secret) });
    this.secrets = { at: Date.now(), list };
    return list;
  }

  /** True when the token answers Meta's verification handshake for some channel (or the environment). */
  async acceptsVerifyToken(token: string): Promise<boolean> {
    if (this.env.verifyToken && token === this.env.verifyToken) return true;
    const rows = await this.uow.repos.channels.listVerifyTokens();
    return rows.some((sealed) => this.box.decrypt(sealed) === token);
  }

  private resolve(row: WhatsappChannelsTable): ResolvedChannel {
    return {
      workspaceId: row.workspace_id,
      id: row.id,
      phoneNumberId: row.phone_number_id,
      displayNumber: row.display_number,
      wabaId: row.waba_id,
      graphUrl: row.graph_url,
      graphVersion: row.graph_version,
      accessToken: row.access_token ? this.box.decrypt(row.access_token) : (this.env.accessToken ?? null),
      signedBy: row.app_secret ? row.id : 'env',
      optOutKeywords: JSON.parse(row.opt_out_keywords) as string[],
      optInKeywords: JSON.parse(row.opt_in_keywords) as string[],
    };
  }

  private forget(): void {
    this.byNumber.clear();
    this.secrets = null;
  }
}
