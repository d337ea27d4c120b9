/** Timestamps travel as ISO-8601 UTC strings on both dialects. */
type Timestamp = string;

/** A business using Rolo; every other row belongs to exactly one. */
export interface WorkspacesTable {
  id: string;
  name: string;
  default_country: string;
  settings: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A person who signs in to a workspace. */
export interface UsersTable {
  workspace_id: string;
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  disabled_at: Timestamp | null;
}

/** A browser session; only the hash of its token is stored. */
export interface SessionsTable {
  workspace_id: string;
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

/** A programmatic credential; only the hash of the key is stored. */
export interface ApiKeysTable {
  workspace_id: string;
  id: string;
  name: string;
  role: string;
  prefix: string;
  key_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** The contact profile; counters and dates of contact are maintained by the messaging features. */
export interface ContactsTable {
  workspace_id: string;
  id: string;
  first_name: string | null;
  last_name: string | null;
  display_name: string;
  sort_name: string;
  search_text: string;
  phone: string | null;
  email: string | null;
  company: string | null;
  job_title: string | null;
  birthday: string | null;
  language: string | null;
  timezone: string | null;
  street: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: string | null;
  linkedin: string | null;
  twitter: string | null;
  facebook: string | null;
  instagram: string | null;
  website: string | null;
  source: string;
  assignee_id: string | null;
  first_contact_at: Timestamp | null;
  last_contact_at: Timestamp | null;
  last_inbound_at: Timestamp | null;
  last_outbound_at: Timestamp | null;
  conversation_count: number;
  message_count: number;
  /** The name on the customer's WhatsApp profile, as last seen. */
  whatsapp_name: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

/** How a contact is recognised: phone, email, WhatsApp ids, CRM ids. Unique per workspace and kind. */
export interface ContactIdentitiesTable {
  workspace_id: string;
  kind: string;
  value: string;
  contact_id: string;
  created_at: Timestamp;
}

/** A workspace-defined field with its type, options and group. */
export interface CustomFieldDefinitionsTable {
  workspace_id: string;
  id: string;
  key: string;
  label: string;
  type: string;
  options: string;
  group_name: string | null;
  description: string | null;
  required: number;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One typed value of a custom field on a contact; multi-selects hold one row per option. */
export interface ContactFieldValuesTable {
  workspace_id: string;
  contact_id: string;
  field_id: string;
  ordinal: number;
  text_value: string | null;
  number_value: number | null;
}

/** A label with colour and category, optionally applied by a rule. */
export interface TagsTable {
  workspace_id: string;
  id: string;
  name: string;
  name_key: string;
  color: string;
  category: string | null;
  description: string | null;
  smart_rule: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A tag applied to a contact, with who applied it and when. */
export interface ContactTagsTable {
  workspace_id: string;
  contact_id: string;
  tag_id: string;
  applied_by: string;
  applied_at: Timestamp;
}

/** A private team note on a contact. */
export interface NotesTable {
  workspace_id: string;
  id: string;
  contact_id: string;
  type: string;
  body: string;
  pinned: number;
  author_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

/** The state of a note before each edit. */
export interface NoteRevisionsTable {
  workspace_id: string;
  id: string;
  note_id: string;
  type: string;
  body: string;
  pinned: number;
  edited_by: string | null;
  edited_at: Timestamp;
}

/** Append-only consent ledger; the newest row per channel and purpose is the current state. */
export interface ConsentsTable {
  workspace_id: string;
  id: string;
  contact_id: string;
  channel: string;
  purpose: string;
  status: string;
  source: string;
  proof: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

/** Every change to a contact, field by field; the timeline and the audit log read it. */
export interface ContactEventsTable {
  workspace_id: string;
  id: string;
  contact_id: string;
  type: string;
  changes: string;
  actor_type: string;
  actor_id: string | null;
  created_at: Timestamp;
}

/** The first answer to a POST carrying an Idempotency-Key, replayed on retries. */
export interface IdempotencyKeysTable {
  workspace_id: string;
  principal_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: Timestamp;
}

/** Fixed-window counters for rate limits, shared by every server process. */
export interface RateLimitsTable {
  bucket: string;
  count: number;
  reset_at: Timestamp;
}

/** A unit of background work, claimed with a lease so that a crashed worker's job runs again. */
export interface JobsTable {
  workspace_id: string;
  id: string;
  type: string;
  payload: string;
  state: string;
  progress_done: number;
  progress_total: number;
  result: string | null;
  error: string | null;
  attempts: number;
  max_attempts: number;
  cancel_requested: number;
  run_at: Timestamp;
  lease_until: Timestamp | null;
  locked_by: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

/** A connected WhatsApp number; secrets are stored encrypted (null: taken from the environment). */
export interface WhatsappChannelsTable {
  workspace_id: string;
  id: string;
  phone_number_id: string;
  display_number: string;
  waba_id: string | null;
  graph_url: string;
  graph_version: string;
  access_token: string | null;
  app_secret: string | null;
  verify_token: string | null;
  opt_out_keywords: string;
  opt_in_keywords: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A webhook notification as received (signature already checked), kept until it has been processed. */
export interface WebhookInboxTable {
  id: string;
  source: string;
  /** Which secret verified the signature: `env` or a channel id. */
  verified_by: string;
  body: string;
  state: string;
  attempts: number;
  error: string | null;
  lease_until: Timestamp | null;
  locked_by: string | null;
  received_at: Timestamp;
  processed_at: Timestamp | null;
}

/** A run of messages with a contact inside one 24-hour customer-service window. */
export interface ConversationsTable {
  workspace_id: string;
  id: string;
  contact_id: string;
  channel_id: string;
  /** `customer` (an inbound message opened it) or `business` (a template did). */
  opened_by: string;
  started_at: Timestamp;
  expires_at: Timestamp;
  last_message_at: Timestamp;
}

/** One WhatsApp message, inbound or outbound, with its delivery status. */
export interface MessagesTable {
  workspace_id: string;
  id: string;
  wa_message_id: string;
  contact_id: string;
  conversation_id: string;
  channel_id: string;
  direction: string;
  type: string;
  body: string | null;
  payload: string;
  status: string;
  status_at: Timestamp;
  error_code: number | null;
  error_title: string | null;
  reply_to: string | null;
  sent_by: string | null;
  sent_at: Timestamp;
  created_at: Timestamp;
}

/** Every delivery status seen for a message (deduplicated by message and status), even before the message is known. */
export interface MessageStatusesTable {
  workspace_id: string;
  wa_message_id: string;
  status: string;
  occurred_at: Timestamp;
  error_code: number | null;
  error_title: string | null;
  received_at: Timestamp;
}

/** A bulk import: its file, how it was read, the plan chosen, progress and the report. */
export interface ImportsTable {
  workspace_id: string;
  id: string;
  file_name: string;
  /** Path of the uploaded file, relative to the data directory. */
  file_path: string;
  file_size: number;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  recognised: string | null;
  /** JSON array of the column headers. */
  headers: string;
  /** JSON of the ImportPlan (mapping and options), once chosen. */
  plan: string | null;
  state: string;
  job_id: string | null;
  /** JSON of the last dry run's result. */
  dry_run: string | null;
  /** Data rows applied so far; a resumed run skips them. */
  rows_done: number;
  rows_total: number | null;
  created_count: number;
  updated_count: number;
  skipped_count: number;
  failed_count: number;
  /** JSON array of ImportReason: counts and example rows per reason. */
  reasons: string;
  error: string | null;
  created_by: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

/** A row an import skipped or refused, with its original cells (JSON array) and the reason. */
export interface ImportRowErrorsTable {
  workspace_id: string;
  import_id: string;
  row_number: number;
  outcome: string;
  reason: string;
  cells: string;
}

/** An export of contacts to a file, made by a job and downloadable until it expires. */
export interface ExportsTable {
  workspace_id: string;
  id: string;
  format: string;
  /** JSON of the selection exported. */
  selection: string;
  /** JSON array of the column ids. */
  columns: string;
  bom: number;
  state: string;
  job_id: string | null;
  rows: number;
  /** Path of the file, relative to the data directory, once written. */
  file_path: string | null;
  file_size: number | null;
  error: string | null;
  created_by: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  expires_at: Timestamp | null;
}

/** A contact search kept under a name: personal (its owner only) or shared with the workspace. */
export interface SavedSearchesTable {
  workspace_id: string;
  id: string;
  /** The user id, or the API key id for searches saved with a key. */
  owner_id: string;
  /** `personal` or `shared`. */
  visibility: string;
  name: string;
  /** JSON of the filter tree, when there is one. */
  filter: string | null;
  q: string | null;
  sort: string | null;
  /** JSON array of list column ids. */
  columns: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A saved search pinned in one member's sidebar. */
export interface SavedSearchPinsTable {
  workspace_id: string;
  /** The user id, or the API key id. */
  owner_id: string;
  saved_search_id: string;
  pinned_at: Timestamp;
}

/** A dynamic group of contacts: everyone matching its filter. */
export interface SegmentsTable {
  workspace_id: string;
  id: string;
  name: string;
  name_key: string;
  description: string | null;
  /** JSON of the filter tree. */
  filter: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** When the members were last compared with the filter. */
  snapshot_at: Timestamp | null;
  /** Set while a snapshot is being taken, so that two workers never take one of the same segment at once. */
  snapshot_lease_until: Timestamp | null;
}

/** The contacts of a segment as of its last snapshot, which the next one is compared with. */
export interface SegmentMembersTable {
  workspace_id: string;
  segment_id: string;
  contact_id: string;
}

/** A segment's size on a UTC day, and how many contacts entered and left it since the snapshot before. */
export interface SegmentSnapshotsTable {
  workspace_id: string;
  segment_id: string;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  size: number;
  entered: number;
  left: number;
  taken_at: Timestamp;
}

/** A bulk action on contacts, kept so that it can be undone. */
export interface BulkActionsTable {
  workspace_id: string;
  /** The id of its job when it ran as one. */
  id: string;
  action: string;
  /** JSON of the action as requested. */
  payload: string;
  state: string;
  created_by: string | null;
  created_at: Timestamp;
  undone_at: Timestamp | null;
}

/** What a bulk action changed on one contact (JSON), to restore on undo. */
export interface BulkActionChangesTable {
  workspace_id: string;
  bulk_action_id: string;
  contact_id: string;
  previous: string;
}

/** An automation rule: a trigger (JSON) and the actions (JSON) it runs; a webhook secret is stored encrypted. */
export interface AutomationsTable {
  workspace_id: string;
  id: string;
  name: string;
  enabled: number;
  trigger: string;
  /** JSON of a filter the contact must match, or null. */
  condition: string | null;
  actions: string;
  webhook_secret: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One run of an automation on one contact: what triggered it and how it went. */
export interface AutomationRunsTable {
  workspace_id: string;
  id: string;
  automation_id: string;
  contact_id: string;
  trigger: string;
  outcome: string;
  error: string | null;
  created_at: Timestamp;
}

/** The whole database as Kysely sees it. */
export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  contacts: ContactsTable;
  contact_identities: ContactIdentitiesTable;
  custom_field_definitions: CustomFieldDefinitionsTable;
  contact_field_values: ContactFieldValuesTable;
  tags: TagsTable;
  contact_tags: ContactTagsTable;
  notes: NotesTable;
  note_revisions: NoteRevisionsTable;
  consents: ConsentsTable;
  contact_events: ContactEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limits: RateLimitsTable;
  jobs: JobsTable;
  whatsapp_channels: WhatsappChannelsTable;
  webhook_inbox: WebhookInboxTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  message_statuses: MessageStatusesTable;
  imports: ImportsTable;
  import_row_errors: ImportRowErrorsTable;
  exports: ExportsTable;
  saved_searches: SavedSearchesTable;
  saved_search_pins: SavedSearchPinsTable;
  segments: SegmentsTable;
  segment_members: SegmentMembersTable;
  segment_snapshots: SegmentSnapshotsTable;
  bulk_actions: BulkActionsTable;
  bulk_action_changes: BulkActionChangesTable;
  automations: AutomationsTable;
  automation_runs: AutomationRunsTable;
}
