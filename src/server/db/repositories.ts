import { sql, type Kysely } from 'kysely';
import { AuthRepository } from '../auth/auth.repository.js';
import { AutomationsRepository } from '../automation/automations.repository.js';
import { BulkActionsRepository } from '../bulk-actions/bulk-actions.repository.js';
import { ConsentsRepository } from '../consents/consents.repository.js';
import { ContactsRepository } from '../contacts/contacts.repository.js';
import { CustomFieldsRepository } from '../custom-fields/custom-fields.repository.js';
import { ContactChangeHub } from '../events/contact-change-hub.js';
import {
  ContactEventsRepository,
  type ContactChange,
  type ContactChangeSink,
} from '../events/contact-events.repository.js';
import { ExportContactsRepository } from '../exports/export-contacts.repository.js';
import { ExportsRepository } from '../exports/exports.repository.js';
import { IdempotencyRepository } from '../http/idempotency.repository.js';
import { IdentitiesRepository } from '../identities/identities.repository.js';
import { ImportsRepository } from '../imports/imports.repository.js';
import { JobsRepository } from '../jobs/jobs.repository.js';
import { NotesRepository } from '../notes/notes.repository.js';
import { QuickSearchRepository } from '../search/quick-search.repository.js';
import { SavedSearchesRepository } from '../saved-searches/saved-searches.repository.js';
import { SegmentsRepository } from '../segments/segments.repository.js';
import { SmartTagsRepository } from '../smart-tags/smart-tags.repository.js';
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
  automations: AutomationsRepository;
  bulkActions: BulkActionsRepository;
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
  quickSearch: QuickSearchRepository;
  savedSearches: SavedSearchesRepository;
  segments: SegmentsRepository;
  smartTags: SmartTagsRepository;
  tags: TagsRepository;
  users: UsersRepository;
  workspaces: WorkspacesRepository;
  channels: ChannelsRepository;
  inbox: InboxRepository;
  messages: MessagesRepository;
  conversationStats: ConversationStatsRepository;
}

function bindRepositories(
  db: Kysely<Database>,
  dialect: SqlDialect,
  changes: ContactChangeSink,
): Repositories {
  return {
    auth: new AuthRepository(db),
    automations: new AutomationsRepository(db),
    bulkActions: new BulkActionsRepository(db),
    consents: new ConsentsRepository(db),
    contacts: new ContactsRepository(db, dialect),
    customFields: new CustomFieldsRepository(db),
    events: new ContactEventsRepository(db, changes),
    exports: new ExportsRepository(db),
    exportContacts: new ExportContactsRepository(db, dialect),
    idempotency: new IdempotencyRepository(db),
    identities: new IdentitiesRepository(db),
    imports: new ImportsRepository(db),
    jobs: new JobsRepository(db, dialect),
    notes: new NotesRepository(db),
    quickSearch: new QuickSearchRepository(db, dialect),
    savedSearches: new SavedSearchesRepository(db),
    segments: new SegmentsRepository(db),
    smartTags: new SmartTagsRepository(db),
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
  /** Tells listeners (smart tags, automations) about contact changes once they are committed. */
  readonly contactChanges = new ContactChangeHub();

  constructor(private readonly db: Db) {
    this.repos = bindRepositories(db.kysely, db.dialect, (changes) => this.contactChanges.publish(changes));
  }

  /** Runs the work in one transaction: all of it is kept, or none; contact changes are told after the commit. */
  async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const changes: ContactChange[] = [];
    const result = await this.db.kysely
      .transaction()
      .execute((trx) => work(bindRepositories(trx, this.db.dialect, (c) => void changes.push(...c))));
    await this.contactChanges.publish(changes);
    return result;
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
