import { phoneMatchKey } from '../identities/phone-match-key.js';
import type { Insertable } from 'kysely';
import { systemPrincipal } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import { derivedColumns } from '../contacts/contact-mapper.js';
import { newId } from '../db/new-id.js';
import type { BulkRows } from '../db/dialects/dialect.js';
import type { ContactFieldValuesTable, ContactsTable, Database } from '../db/schema.js';
import type { Services } from '../services.js';
import {
  pick,
  SAMPLE_COMPANIES,
  SAMPLE_COUNTRIES,
  SAMPLE_JOB_TITLES,
  samplePhone,
  seededRandom,
} from './sample-people.js';

/** SQLite page cache in KiB for a bulk load: the indexes of a million contacts stay in memory while they grow. */
export const BULK_LOAD_CACHE_KIB = 1024 * 1024;

const BATCH = 5_000;
/**
 * Tables whose indexes are built once after the load rather than kept up row by row: contacts and custom values
 * are indexed by random keys (names, dates, amounts). The indexes of identities, tags and events start with the
 * contact id, which grows with every new contact (UUIDv7), so rows are appended to them in order.
 */
const REINDEXED_TABLES: Array<keyof Database> = ['contacts', 'contact_field_values'];
/** Serials below this are left to the demo data. */
const FIRST_SERIAL = 100_000;
const DAY_MS = 86_400_000;

/** Progress of a bulk seed, reported after each batch. */
export type SeedProgress = (done: number, total: number) => void;

/** What every batch of a seed shares: the workspace, its tags and fields, and the random sequence. */
interface SeedPlan {
  workspaceId: string;
  tags: Array<{ id: string }>;
  ltvFieldId: string;
  ordersFieldId: string;
  random: () => number;
  /** Contacts the workspace had before: seeded contact `i` is number `offset + i` of the workspace. */
  offset: number;
  start: number;
}

/** Synthetic contacts number `from` to `to` with everything they carry, as rows per table. */
function sampleBatch(plan: SeedPlan, from: number, to: number): BulkRows[] {
  const now = nowIso();
  const contacts: ContactsTable[] = [];
  const identities: Insertable<Database['contact_identities']>[] = [];
  const contactTags: Insertable<Database['contact_tags']>[] = [];
  const values: ContactFieldValuesTable[] = [];
  const events: Insertable<Database['contact_events']>[] = [];
  for (let i = from; i < to; i++) {
    const id = newId();
    const number = plan.offset + i;
    const country = SAMPLE_COUNTRIES[number % SAMPLE_COUNTRIES.length] ?? SAMPLE_COUNTRIES[0]!;
    const serial = FIRST_SERIAL + Math.floor(number / SAMPLE_COUNTRIES.length);
    const first = pick(plan.random, country.firstNames);
    const last = pick(plan.random, country.lastNames);
    const phone = samplePhone(country, serial);
    const email = plan.random() < 0.7 ? `c${number}@example.com` : null;
    const company = plan.random() < 0.3 ? pick(plan.random, SAMPLE_COMPANIES) : null;
    const created = new Date(plan.start + Math.floor(plan.random() * 365 * DAY_MS)).toISOString();
    const lastContact =
      plan.random() < 0.8
        ? new Date(Date.parse(created) + Math.floor(plan.random() * 30 * DAY_MS)).toISOString()
        : null;
    const names = { first_name: first, last_name: last, company, email, phone };
    contacts.push({
      workspace_id: plan.workspaceId,
      id,
      ...names,
      ...derivedColumns(names),
      job_title: company ? pick(plan.random, SAMPLE_JOB_TITLES) : null,
      birthday: null,
      language: country.language,
      timezone: country.timezone,
      street: null,
      city: pick(plan.random, country.cities),
      region: null,
      postal_code: null,
      country: country.code,
      linkedin: null,
      twitter: null,
      facebook: null,
      instagram: null,
      website: null,
      source: 'import',
      assignee_id: null,
      first_contact_at: lastContact ? created : null,
      last_contact_at: lastContact,
      last_inbound_at: lastContact,
      last_outbound_at: null,
      conversation_count: lastContact ? 1 + Math.floor(plan.random() * 5) : 0,
      message_count: lastContact ? 1 + Math.floor(plan.random() * 60) : 0,
      whatsapp_name: null,
      created_at: created,
      updated_at: created,
      version: 1,
    });
    identities.push({
      workspace_id: plan.workspaceId,
      kind: 'phone',
      value: phoneMatchKey(phone),
      contact_id: id,
      created_at: created,
    });
    if (email)
      identities.push({
        workspace_id: plan.workspaceId,
        kind: 'email',
        value: email,
        contact_id: id,
        created_at: created,
      });
    if (plan.random() < 0.6) {
      const tag = pick(plan.random, plan.tags);
      contactTags.push({
        workspace_id: plan.workspaceId,
        contact_id: id,
        tag_id: tag.id,
        applied_by: 'system:',
        applied_at: created,
      });
    }
    if (plan.random() < 0.5) {
      const base = { workspace_id: plan.workspaceId, contact_id: id, ordinal: 0, text_value: null };
      values.push({
        ...base,
        field_id: plan.ltvFieldId,
        number_value: Math.round(plan.random() * 1_000_000) / 100,
      });
      values.push({
        ...base,
        field_id: plan.ordersFieldId,
        number_value: 1 + Math.floor(plan.random() * 50),
      });
    }
    events.push({
      workspace_id: plan.workspaceId,
      id: newId(),
      contact_id: id,
      type: 'created',
      changes: '[]',
      actor_type: 'system',
      actor_id: null,
      created_at: now,
    });
  }
  return [
    { table: 'contacts', rows: contacts },
    { table: 'contact_identities', rows: identities },
    { table: 'contact_tags', rows: contactTags },
    { table: 'contact_field_values', rows: values },
    { table: 'contact_events', rows: events },
  ];
}

/**
 * Loads `count` synthetic contacts straight into the tables, in one bulk transaction, with phone and email
 * identities, tags, custom values and a `created` event each. Each contact is numbered after those the
 * workspace already has, and its phone and email derive from that number, so they are unique across seeds
 * (up to about six million contacts per workspace).
 */
export async function seedBulkContacts(
  services: Services,
  workspaceId: string,
  count: number,
  onProgress?: SeedProgress,
): Promise<void> {
  const system = systemPrincipal(workspaceId);
  const tags = await services.tags.applyRecommendedTags(system);
  const fields = await services.customFields.applyPreset(system, 'ecommerce');
  const ltv = fields.find((f) => f.key === 'lifetime_value');
  const orders = fields.find((f) => f.key === 'total_orders');
  if (!ltv || !orders) throw new Error('the e-commerce preset is missing its fields');
  const plan: SeedPlan = {
    workspaceId,
    tags,
    ltvFieldId: ltv.id,
    ordersFieldId: orders.id,
    random: seededRandom(count),
    offset: await services.uow.repos.contacts.count(workspaceId),
    start: Date.now() - 365 * DAY_MS,
  };
  await services.uow.bulkLoad(REINDEXED_TABLES, async (write) => {
    for (let done = 0; done < count; done += BATCH) {
      const end = Math.min(count, done + BATCH);
      await write(sampleBatch(plan, done, end));
      onProgress?.(end, count);
    }
  });
}
