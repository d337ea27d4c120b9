import type { Insertable } from 'kysely';
import { systemPrincipal } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import { derivedColumns } from '../contacts/contact-mapper.js';
import { newId } from '../db/new-id.js';
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
/** Serials below this are left to the demo data. */
const FIRST_SERIAL = 100_000;
const DAY_MS = 86_400_000;

/** Progress of a bulk seed, reported after each batch. */
export type SeedProgress = (done: number, total: number) => void;

/**
 * Loads `count` synthetic contacts straight into the tables, in large transactions, with phone and email
 * identities, tags, custom values and a `created` event each. Numbers and emails are unique by construction
 * for up to about six million seeded contacts per workspace.
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
  const random = seededRandom(count);
  const existing = await services.uow.repos.contacts.count(workspaceId);
  const serialBase = FIRST_SERIAL + Math.ceil(existing / SAMPLE_COUNTRIES.length);
  const start = Date.now() - 365 * DAY_MS;
  for (let done = 0; done < count; done += BATCH) {
    const now = nowIso();
    const contacts: ContactsTable[] = [];
    const identities: Insertable<Database['contact_identities']>[] = [];
    const contactTags: Insertable<Database['contact_tags']>[] = [];
    const values: ContactFieldValuesTable[] = [];
    const events: Insertable<Database['contact_events']>[] = [];
    for (let i = done; i < Math.min(count, done + BATCH); i++) {
      const id = newId();
      const country = SAMPLE_COUNTRIES[i % SAMPLE_COUNTRIES.length] ?? SAMPLE_COUNTRIES[0]!;
      const serial = serialBase + Math.floor(i / SAMPLE_COUNTRIES.length);
      const first = pick(random, country.firstNames);
      const last = pick(random, country.lastNames);
      const phone = samplePhone(country, serial);
      const email = random() < 0.7 ? `c${serialBase}.${i}@example.com` : null;
      const company = random() < 0.3 ? pick(random, SAMPLE_COMPANIES) : null;
      const created = new Date(start + Math.floor(random() * 365 * DAY_MS)).toISOString();
      const lastContact =
        random() < 0.8
          ? new Date(Date.parse(created) + Math.floor(random() * 30 * DAY_MS)).toISOString()
          : null;
      const names = { first_name: first, last_name: last, company, email, phone };
      contacts.push({
        workspace_id: workspaceId,
        id,
        ...names,
        ...derivedColumns(names),
        job_title: company ? pick(random, SAMPLE_JOB_TITLES) : null,
        birthday: null,
        language: country.language,
        timezone: country.timezone,
        street: null,
        city: pick(random, country.cities),
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
        conversation_count: lastContact ? 1 + Math.floor(random() * 5) : 0,
        message_count: lastContact ? 1 + Math.floor(random() * 60) : 0,
        created_at: created,
        updated_at: created,
        version: 1,
      });
      identities.push({
        workspace_id: workspaceId,
        kind: 'phone',
        value: phone,
        contact_id: id,
        created_at: created,
      });
      if (email)
        identities.push({
          workspace_id: workspaceId,
          kind: 'email',
          value: email,
          contact_id: id,
          created_at: created,
        });
      if (random() < 0.6) {
        const tag = pick(random, tags);
        contactTags.push({
          workspace_id: workspaceId,
          contact_id: id,
          tag_id: tag.id,
          applied_by: 'system:',
          applied_at: created,
        });
      }
      if (random() < 0.5) {
        const base = { workspace_id: workspaceId, contact_id: id, ordinal: 0, text_value: null };
        values.push({ ...base, field_id: ltv.id, number_value: Math.round(random() * 1_000_000) / 100 });
        values.push({ ...base, field_id: orders.id, number_value: 1 + Math.floor(random() * 50) });
      }
      events.push({
        workspace_id: workspaceId,
        id: newId(),
        contact_id: id,
        type: 'created',
        changes: '[]',
        actor_type: 'system',
        actor_id: null,
        created_at: now,
      });
    }
    await services.uow.bulkInsert([
      { table: 'contacts', rows: contacts },
      { table: 'contact_identities', rows: identities },
      { table: 'contact_tags', rows: contactTags },
      { table: 'contact_field_values', rows: values },
      { table: 'contact_events', rows: events },
    ]);
    onProgress?.(Math.min(count, done + BATCH), count);
  }
}
