import type { z } from 'zod';
import type {
  Message,
  sendMessageSchema,
  startConversationSchema,
  Template,
} from '../../shared/message-schemas.js';
import type { Contact } from '../../shared/contact-schemas.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import type { ContactsService } from '../contacts/contacts.service.js';
import { newId } from '../db/new-id.js';
import { decodePosition, encodePosition } from '../events/timeline-position.js';
import type { UnitOfWork } from '../db/repositories.js';
import type { ContactsTable } from '../db/schema.js';
import { AppError, invalidField, notFound } from '../http/errors.js';
import { normalizePhone } from '../identities/normalize-phone.js';
import { phoneMatchKey } from '../identities/phone-match-key.js';
import type { ChannelsService, ResolvedChannel } from './channels.service.js';
import { createContactFor } from './contact-for-sender.js';
import { WINDOW_MS } from '../../shared/filter/standard-values.js';
import { GraphApiError, GraphTransportError } from './graph/graph-api-error.js';
import type { GraphClient, SentMessage } from './graph/graph-client.js';
import type { GraphClients } from './graph-clients.js';
import { fileMessage, recordMarketingConsent, settleStatus } from './message-ingest.js';
import { toMessage } from './message-mapper.js';

type SendInput = z.output<typeof sendMessageSchema>;
type StartInput = z.output<typeof startConversationSchema>;

/** True while the contact's 24-hour customer-service window is open (24 h after their last message). */
export function windowOpen(contact: Pick<ContactsTable, 'last_inbound_at'>, now = Date.now()): boolean {
  return contact.last_inbound_at !== null && Date.parse(contact.last_inbound_at) + WINDOW_MS > now;
}

/** Agents writing to customers: replies inside the window, templates outside it, new conversations with new numbers. */
export class OutboundService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly channels: ChannelsService,
    private readonly clients: GraphClients,
    private readonly contacts: ContactsService,
  ) {}

  /** The approved templates the workspace's number offers. */
  async listTemplates(workspaceId: string): Promise<Template[]> {
    const client = this.clientOf(await this.channels.requireChannel(workspaceId));
    try {
      return (await client.listTemplates()).filter((t) => t.status === 'APPROVED');
    } catch (error) {
      throw sendFailure(error);
    }
  }

  /** A contact's messages, newest first; the cursor is the last message's position. */
  async listMessages(
    workspaceId: string,
    contactId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ data: Message[]; nextCursor: string | null }> {
    if (!(await this.uow.repos.contacts.find(workspaceId, contactId))) throw notFound('Contact');
    const rows = await this.uow.repos.messages.pageForContact(
      workspaceId,
      contactId,
      limit + 1,
      decodePosition(cursor),
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      data: page.map(toMessage),
      nextCursor: rows.length > limit && last ? encodePosition({ at: last.sent_at, id: last.id }) : null,
    };
  }

  /** Sends a text (only while the window is open) or a template to a contact, and files it in their conversation. */
  async sendToContact(by: Principal, contactId: string, input: SendInput): Promise<Message> {
    const contact = await this.uow.repos.contacts.find(by.workspaceId, contactId);
    if (!contact) throw notFound('Contact');
    return this.send(by, await this.channels.requireChannel(by.workspaceId), contact, input);
  }

  /** Starts a conversation with a number in any format (a new number becomes a contact, source agent) or a contact. */
  async startConversation(
    by: Principal,
    input: StartInput,
  ): Promise<{ contact: Contact; createdContact: boolean; message: Message }> {
    const channel = await this.channels.requireChannel(by.workspaceId);
    const { contact, created } = input.contactId
      ? { contact: await this.uow.repos.contacts.find(by.workspaceId, input.contactId), created: false }
      : await this.contactForNumber(by, input.phone ?? '', input.name);
    if (!contact) throw notFound('Contact');
    const message = await this.send(
      by,
      channel,
      contact,
      input.template ? { template: input.template } : { text: input.text ?? '' },
      created ? { contactId: contact.id } : {},
    );
    return {
      contact: await this.contacts.getContact(by.workspaceId, contact.id),
      createdContact: created,
      message,
    };
  }

  private async contactForNumber(
    by: Principal,
    raw: string,
    name: string | undefined,
  ): Promise<{ contact: ContactsTable | undefined; created: boolean }> {
    const workspace = await this.uow.repos.workspaces.find(by.workspaceId);
    const country = workspace?.default_country ?? 'US';
    const phone = normalizePhone(raw, country);
    if (!phone)
      throw invalidField(
        'phone',
        `is not a valid phone number (numbers without a country code are read as ${country})`,
      );
    return this.uow.transaction(async (repos) => {
      const [owner] = await repos.identities.findOwners(by.workspaceId, [
        { kind: 'phone', value: phoneMatchKey(phone) },
      ]);
      if (owner)
        return { contact: await repos.contacts.find(by.workspaceId, owner.contact_id), created: false };
      const contact = await createContactFor(
        repos,
        by.workspaceId,
        { keys: [{ kind: 'phone', value: phoneMatchKey(phone) }], phone, profileName: name ?? null },
        'agent',
        actorOf(by),
        nowIso(),
      );
      return { contact, created: true };
    });
  }

  private async send(
    by: Principal,
    channel: ResolvedChannel,
    contact: ContactsTable,
    input: SendInput,
    extra: Record<string, unknown> = {},
  ): Promise<Message> {
    const to = await this.recipientOf(contact);
    if ('text' in input && !windowOpen(contact))
      throw new AppError(
        'window_closed',
        409,
        'The 24-hour window is closed: the customer has not written in the last 24 hours, so only an approved template can be sent',
        undefined,
        extra,
      );
    const client = this.clientOf(channel);
    let sent: SentMessage;
    try {
      sent =
        'text' in input
          ? await client.sendText(to, input.text)
          : await client.sendTemplate(to, {
              name: input.template.name,
              language: input.template.language,
              bodyParameters: input.template.parameters,
            });
    } catch (error) {
      if (error instanceof GraphApiError && error.code === 131050)
        await recordMarketingConsent(
          this.uow.repos,
          contact.workspace_id,
          contact.id,
          'opted_out',
          'whatsapp_error_131050',
          { errorCode: 131050, at: nowIso() },
          nowIso(),
        );
      throw sendFailure(error, extra);
    }
    const now = nowIso();
    const body =
      'text' in input
        ? input.text
        : `Template ${input.template.name}: ${input.template.parameters.join(' · ')}`;
    const payload = 'text' in input ? { text: { body: input.text } } : { template: input.template };
    return this.uow.transaction(async (repos) => {
      const row = await fileMessage(repos, {
        workspace_id: contact.workspace_id,
        id: newId(),
        wa_message_id: sent.messageId,
        contact_id: contact.id,
        channel_id: channel.id,
        direction: 'out',
        type: 'text' in input ? 'text' : 'template',
        body,
        payload: JSON.stringify(payload),
        status: 'pending',
        status_at: now,
        error_code: null,
        error_title: null,
        reply_to: null,
        sent_by: by.userId ?? by.id,
        sent_at: now,
        created_at: now,
      });
      if (
        sent.waId &&
        !(await repos.identities.findOwners(contact.workspace_id, [{ kind: 'whatsapp', value: sent.waId }]))
          .length
      )
        await repos.identities.insert(
          contact.workspace_id,
          [{ contactId: contact.id, keys: [{ kind: 'whatsapp', value: sent.waId }] }],
          now,
        );
      await settleStatus(repos, row);
      return toMessage((await repos.messages.findByWaId(contact.workspace_id, sent.messageId)) ?? row);
    });
  }

  /** Where to send: the contact's WhatsApp id, else their phone. */
  private async recipientOf(contact: ContactsTable): Promise<string> {
    const identities = await this.uow.repos.identities.listForContact(contact.workspace_id, contact.id);
    const waId = identities.find((i) => i.kind === 'whatsapp')?.value;
    if (waId) return waId;
    if (contact.phone) return contact.phone;
    throw new AppError(
      'validation_failed',
      400,
      'This contact has no phone number or WhatsApp id to write to (customers known only by username must write first)',
    );
  }

  private clientOf(channel: ResolvedChannel): GraphClient {
    const client = this.clients.clientFor(channel);
    if (!client)
      throw new AppError(
        'channel_not_connected',
        409,
        'The WhatsApp number has no access token: add one in Settings → WhatsApp',
      );
    return client;
  }
}

/** A Graph API failure as an error for the agent, in words. */
function sendFailure(error: unknown, extra: Record<string, unknown> = {}): AppError {
  if (error instanceof GraphApiError) {
    if (error.code === 131047)
      return new AppError('window_closed', 409, error.described.message, undefined, {
        ...extra,
        graphCode: error.code,
      });
    return new AppError('whatsapp_send_failed', 502, error.described.message, undefined, {
      ...extra,
      graphCode: error.code,
    });
  }
  if (error instanceof GraphTransportError)
    return new AppError(
      'whatsapp_send_failed',
      502,
      `WhatsApp could not be reached: ${error.message}`,
      undefined,
      extra,
    );
  if (error instanceof AppError) return error;
  return new AppError(
    'whatsapp_send_failed',
    502,
    'WhatsApp could not be reached; try again in a moment',
    undefined,
    extra,
  );
}
