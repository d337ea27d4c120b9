import { AuthService } from './auth/auth.service.js';
import { AutomationsService } from './automation/automations.service.js';
import type { SecretBox } from './auth/secret-box.js';
import { BulkSelection } from './bulk-actions/bulk-selection.js';
import { BulkUndoService } from './bulk-actions/bulk-undo.service.js';
import { ConsentsService } from './consents/consents.service.js';
import { BulkContactsService } from './contacts/bulk-contacts.service.js';
import { ContactMatchesService } from './contacts/contact-matches.service.js';
import { ContactPositionsService } from './contacts/contact-positions.service.js';
import { ContactsService } from './contacts/contacts.service.js';
import { CustomFieldsService } from './custom-fields/custom-fields.service.js';
import type { Db } from './db/database.js';
import { UnitOfWork } from './db/repositories.js';
import { TimelineService } from './events/timeline.service.js';
import { ExportsService } from './exports/exports.service.js';
import { ImportsService } from './imports/imports.service.js';
import { JobsService } from './jobs/jobs.service.js';
import { NotesService } from './notes/notes.service.js';
import { SavedSearchesService } from './saved-searches/saved-searches.service.js';
import { SegmentsService } from './segments/segments.service.js';
import { SmartTagsService } from './smart-tags/smart-tags.service.js';
import { TagsService } from './tags/tags.service.js';
import { UsersService } from './users/users.service.js';
import { WorkspacesService } from './workspaces/workspaces.service.js';
import { FilterRepository } from './search/filter.repository.js';
import { FilterService } from './search/filter.service.js';
import { QuickSearchService } from './search/quick-search.service.js';
import { ChannelsService } from './whatsapp/channels.service.js';
import { WhatsAppWebhookService } from './whatsapp/webhook.service.js';
import { GraphClients, type GraphClientDefaults } from './whatsapp/graph-clients.js';
import { ConversationStatsService } from './whatsapp/conversation-stats.service.js';
import { OutboundService } from './whatsapp/outbound.service.js';
import { WhatsAppSimulator } from './whatsapp/simulator.js';
import type { WhatsAppEnvironment } from './whatsapp/whatsapp-environment.js';

/** Every service, shared by the HTTP API and the CLI. */
export interface Services {
  uow: UnitOfWork;
  auth: AuthService;
  automations: AutomationsService;
  bulkContacts: BulkContactsService;
  bulkUndo: BulkUndoService;
  consents: ConsentsService;
  contacts: ContactsService;
  contactMatches: ContactMatchesService;
  contactPositions: ContactPositionsService;
  customFields: CustomFieldsService;
  exports: ExportsService;
  filters: FilterService;
  quickSearch: QuickSearchService;
  imports: ImportsService;
  jobs: JobsService;
  notes: NotesService;
  savedSearches: SavedSearchesService;
  segments: SegmentsService;
  smartTags: SmartTagsService;
  tags: TagsService;
  timeline: TimelineService;
  users: UsersService;
  workspaces: WorkspacesService;
  channels: ChannelsService;
  whatsappWebhook: WhatsAppWebhookService;
  outbound: OutboundService;
  conversationStats: ConversationStatsService;
  simulator: WhatsAppSimulator;
}

/** What the services need besides the database. */
export interface ServiceOptions {
  /** Where uploaded import files and export files are kept. */
  dataDir: string;
  secretBox: SecretBox;
  whatsapp: WhatsAppEnvironment;
  /** Graph API client settings (tests shorten the back-off). */
  graph?: GraphClientDefaults;
}

/** Builds the services over an open database. */
export function createServices(db: Db, options: ServiceOptions): Services {
  const uow = new UnitOfWork(db);
  const { repos } = uow;
  const contacts = new ContactsService(uow);
  const jobs = new JobsService(repos.jobs);
  const channels = new ChannelsService(uow, options.secretBox, options.whatsapp);
  const filters = new FilterService(uow, contacts, new FilterRepository(db.kysely), db.dialect);
  const segments: SegmentsService = new SegmentsService(uow, filters, jobs, {
    watchesSegment: (workspaceId, segmentId) => automations.watchesSegment(workspaceId, segmentId),
    onSegmentMembership: (workspaceId, segmentId, moves) =>
      automations.onSegmentMembership(workspaceId, segmentId, moves),
  });
  const smartTags = new SmartTagsService(uow, filters, jobs);
  uow.contactChanges.listen((changes) => smartTags.onContactChanges(changes));
  const automations = new AutomationsService(
    uow,
    contacts,
    filters,
    options.secretBox,
    (workspaceId, segmentId) => segments.segmentFilter(workspaceId, segmentId),
  );
  uow.contactChanges.listen((changes) => automations.onContactChanges(changes));
  return {
    uow,
    auth: new AuthService(repos.auth, repos.users),
    automations,
    bulkContacts: new BulkContactsService(
      uow,
      contacts,
      jobs,
      new BulkSelection(uow, filters, (workspaceId, segmentId) =>
        segments.segmentFilter(workspaceId, segmentId),
      ),
    ),
    bulkUndo: new BulkUndoService(uow, contacts, jobs),
    consents: new ConsentsService(uow),
    contacts,
    contactMatches: new ContactMatchesService(uow),
    contactPositions: new ContactPositionsService(uow),
    customFields: new CustomFieldsService(uow, jobs),
    filters,
    quickSearch: new QuickSearchService(uow),
    exports: new ExportsService(uow, jobs, options.dataDir, {
      filters,
      segmentFilter: (workspaceId, segmentId) => segments.segmentFilter(workspaceId, segmentId),
    }),
    imports: new ImportsService(uow, jobs, options.dataDir),
    jobs,
    notes: new NotesService(uow),
    savedSearches: new SavedSearchesService(uow, filters),
    segments,
    smartTags,
    tags: new TagsService(uow),
    timeline: new TimelineService(uow),
    users: new UsersService(repos.users, repos.auth),
    workspaces: new WorkspacesService(repos.workspaces),
    channels,
    whatsappWebhook: new WhatsAppWebhookService(uow, channels),
    outbound: new OutboundService(uow, channels, new GraphClients(options.graph), contacts),
    simulator: new WhatsAppSimulator(),
    conversationStats: new ConversationStatsService(uow),
  };
}
