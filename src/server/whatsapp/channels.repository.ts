import type { Kysely } from 'kysely';
import type { Database, WhatsappChannelsTable } from '../db/schema.js';

/** SQL for connected WhatsApp numbers. */
export class ChannelsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The workspace's channel (one per workspace). */
  async findForWorkspace(workspaceId: string): Promise<WhatsappChannelsTable | undefined> {
    return this.db
      .selectFrom('whatsapp_channels')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .executeTakeFirst();
  }

  /** The channels of a Meta phone number id (normally one; the webhook routes by it). */
  async findByPhoneNumberId(phoneNumberId: string): Promise<WhatsappChannelsTable[]> {
    return this.db
      .selectFrom('whatsapp_channels')
      .selectAll()
      .where('phone_number_id', '=', phoneNumberId)
      .execute();
  }

  /** Every channel's id and sealed app secret, to check webhook signatures with. */
  async listAppSecrets(): Promise<Array<{ id: string; app_secret: string | null }>> {
    return this.db.selectFrom('whatsapp_channels').select(['id', 'app_secret']).execute();
  }

  /** Every channel's sealed verify token (those that set one). */
  async listVerifyTokens(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('whatsapp_channels')
      .select('verify_token')
      .where('verify_token', 'is not', null)
      .execute();
    return rows.flatMap((row) => (row.verify_token ? [row.verify_token] : []));
  }

  /** Adds a channel. */
  async insert(row: WhatsappChannelsTable): Promise<void> {
    await this.db.insertInto('whatsapp_channels').values(row).execute();
  }

  /** Changes a channel. */
  async update(workspaceId: string, id: string, changes: Partial<WhatsappChannelsTable>): Promise<void> {
    await this.db
      .updateTable('whatsapp_channels')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Disconnects a channel (its conversations and messages stay). */
  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom('whatsapp_channels')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }
}
