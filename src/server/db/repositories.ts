import { sql, type Kysely } from 'kysely';
import { AuthRepository } from '../auth/auth.repository.js';
import { ConsentsRepository } from '../consents/consents.repository.js';
import { ContactsRepository } from '../contacts/contacts.repository.js';
import { CustomFieldsRepository } from '../custom-fields/custom-fields.repository.js';
import { ContactEventsRepository } from '../events/contact-events.repository.js';
import { ExportContactsRepository } from '../exports/export-contacts.repository.js';
import { ExportsRepository } from '../exports/exports.repository.js';
import { IdempotencyRepository } from '../http/idempotency.repository.js';
import { IdentitiesRepository } from '../identities/identities.repository.js';
import { ImportsRepository } from '../imports/imports.repository.js';
import { JobsRepository } from '../jobs/jobs.repository.js';
import { NotesRepository } from '../notes/notes.repository.js';
import { TagsRepository } from '../tags/tags.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import { ChannelsRepository } from '../whatsapp/channels.repository.js';
import { ConversationStatsRepository } from '../whatsapp/conversation-stats.repository.js';
import { InboxRepository } from '../whatsapp/inbox.repository.js';
import { MessagesRepository } from '../whatsapp/messages.repository.js';
import { WorkspacesRepository } from '../workspaces/workspaces.repository.js';
import type { Db } from './database.js';
import type { BulkWriter, SqlDialect } from './dialects/dialect.js';
import type { Database } from './schema.js';

/** Every repository, bound to one connection or transaction. */
export interface Repositories {
  auth: AuthRepository;
  consents: ConsentsRepository;
  contacts: ContactsRepository;
  customFields: CustomFieldsRepository;
  events: ContactEventsRepository;
  exports: ExportsRepository;
  exportContacts: ExportContactsRepository;
  idempotency: IdempotencyRepository;
  identities: IdentitiesRepository;
  imports: ImportsRepository;
  jobs: JobsRepository;
  notes: NotesRepository;
  tags: TagsRepository;
  users: UsersRepository;
  workspaces: WorkspacesRepository;
  channels: ChannelsRepository;
  inbox: InboxRepository;
  messages: MessagesRepository;
  conversationStats: ConversationStatsRepository;
}

function bindRepositories(db: Kysely<Database>, dialect: SqlDialect): Repositories {
  return {
    auth: new AuthRepository(db),
    consents: new ConsentsRepository(db),
    contacts: new ContactsRepository(db, dialect),
    customFields: new CustomFieldsRepository(db),
    events: new ContactEventsRepository(db),
    exports: new ExportsRepository(db),
    exportContacts: new ExportContactsRepository(db),
    idempotency: new IdempotencyRepository(db),
    identities: new IdentitiesRepository(db),
    imports: new ImportsRepository(db),
    jobs: new JobsRepository(db, dialect),
    notes: new NotesRepository(db),
    tags: new TagsRepository(db),
    users: new UsersRepository(db),
    workspaces: new WorkspacesRepository(db),
    channels: new ChannelsRepository(db),
    inbox: new InboxRepository(db, dialect),
    messages: new MessagesRepository(db),
    conversationStats: new ConversationStatsRepository(db, dialect),
  };
}

/** Repositories for plain reads and single writes, and transactions that span several of them. */
export class UnitOfWork {
  /** Repositories outside any transaction. */
  readonly repos: Repositories;

  constructor(private readonly db: Db) {
    this.repos = bindRepositories(db.kysely, db.dialect);
  }

  /** Runs the work in one transaction: all of it is kept, or none. */
  async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.db.kysely.transaction().execute((trx) => work(bindRepositories(trx, this.db.dialect)));
  }

  /** Loads many rows as one unit (seeding, imports); `load` writes them in batches. See `SqlDialect.bulkLoad`. */
  async bulkLoad(
    reindexed: Array<keyof Database>,
    load: (write: BulkWriter) => Promise<void>,
  ): Promise<void> {
    await this.db.dialect.bulkLoad(this.db.kysely, reindexed, load);
  }

  /** Throws unless the database answers. */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db.kysely);
  }

  /** True when the error is a unique-key violation on this dialect. */
  isUniqueViolation(error: unknown): boolean {
    return this.db.dialect.isUniqueViolation(error);
  }
}
