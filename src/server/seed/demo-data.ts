import type { ContactCreateInput } from '../../shared/contact-schemas.js';
import { actorOf, systemPrincipal, type Principal } from '../auth/principal.js';
import type { Services } from '../services.js';
import {
  pick,
  SAMPLE_COMPANIES,
  SAMPLE_COUNTRIES,
  SAMPLE_JOB_TITLES,
  samplePhone,
  seededRandom,
} from './sample-people.js';

const DEMO_CONTACTS = 200;

const NOTES = [
  { type: 'call', body: 'Called about the **delayed order**. Promised an update by Friday.' },
  { type: 'meeting', body: 'Demo went well. Interested in the annual plan; send a quote.' },
  { type: 'follow-up', body: 'Follow up next week about the new catalogue.' },
  { type: 'complaint', body: 'Package arrived damaged. Replacement sent, tracking shared on WhatsApp.' },
  { type: 'general', body: 'Prefers messages in the afternoon. Speaks English and Portuguese.' },
];

const TAG_GROUPS = [
  ['VIP', 'Premium', 'Standard', 'Trial'],
  ['Active', 'Inactive', 'Churned', 'Lead'],
  ['New Customer', 'Onboarding', 'At Risk'],
];

/** Loads about 200 believable contacts with tags, custom fields, notes and consent; returns how many. */
export async function seedDemoData(
  services: Services,
  workspaceId: string,
  authorId: string,
): Promise<number> {
  const system = systemPrincipal(workspaceId);
  const author: Principal = { ...system, kind: 'user', id: authorId, userId: authorId };
  const random = seededRandom(20261127);
  await services.tags.applyRecommendedTags(system);
  await services.customFields.applyPreset(system, 'ecommerce');
  const scope = { workspaceId, actor: actorOf(system) };
  for (let i = 0; i < DEMO_CONTACTS; i++) {
    const country = pick(random, SAMPLE_COUNTRIES);
    const firstName = pick(random, country.firstNames);
    const lastName = pick(random, country.lastNames);
    const emailLocal = `${firstName}.${lastName}`
      .normalize('NFKD')
      .replace(/[^\w.]/g, '')
      .toLowerCase();
    const input: ContactCreateInput = {
      firstName,
      lastName,
      phone: samplePhone(country, i * 101 + 7),
      email: random() < 0.7 ? `${emailLocal}${i}@example.com` : undefined,
      company: random() < 0.4 ? pick(random, SAMPLE_COMPANIES) : undefined,
      jobTitle: random() < 0.3 ? pick(random, SAMPLE_JOB_TITLES) : undefined,
      language: country.language,
      timezone: country.timezone,
      birthday:
        random() < 0.3
          ? `19${60 + Math.floor(random() * 40)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`
          : undefined,
      address: { city: pick(random, country.cities), country: country.code },
      social: random() < 0.2 ? { instagram: `@${emailLocal.replace('.', '_')}` } : undefined,
      source: pick(random, ['whatsapp', 'whatsapp', 'whatsapp', 'manual', 'import'] as const),
      tags: TAG_GROUPS.filter(() => random() < 0.5).map((group) => pick(random, group)),
      custom:
        random() < 0.6
          ? {
              lifetime_value: Math.round(random() * 800000) / 100,
              total_orders: 1 + Math.floor(random() * 40),
              favorite_category: pick(random, [
                'Electronics',
                'Fashion',
                'Home & Garden',
                'Beauty',
                'Sports',
                'Books',
              ]),
            }
          : undefined,
    };
    const contact = await services.contacts.createContact(scope, input, { enforceRequired: false });
    if (random() < 0.15) {
      const note = pick(random, NOTES);
      await services.notes.createNote(author, contact.id, { ...note, pinned: random() < 0.3 });
    }
    if (random() < 0.3) {
      await services.consents.recordConsent(system, contact.id, {
        channel: 'whatsapp',
        purpose: 'marketing',
        status: random() < 0.8 ? 'opted_in' : 'opted_out',
        source: 'whatsapp_message',
      });
    }
  }
  return DEMO_CONTACTS;
}
