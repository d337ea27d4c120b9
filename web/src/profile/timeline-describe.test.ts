import { describe, expect, it } from 'vitest';
import type { CustomField } from '../api/types';
import { describeActor, describeEvent, type DescribeContext, type EventItem } from './timeline-describe';

const context: DescribeContext = {
  fields: [
    { key: 'ltv', label: 'Lifetime value', type: 'currency', options: { currency: 'USD' } } as CustomField,
  ],
  memberName: (id) => (id === 'u1' ? 'Ana' : undefined),
};

const event = (type: string, changes: EventItem['changes'], actorType = 'user'): EventItem => ({
  kind: 'event',
  id: 'e1',
  at: '2026-01-01T00:00:00Z',
  type,
  changes,
  actor: { type: actorType, id: actorType === 'user' ? 'u1' : null },
});

describe('timeline descriptions', () => {
  it('says what changed, from what, to what, formatted per field', () => {
    const phone = event('updated', [{ field: 'phone', before: '+5511912345678', after: '+14155550111' }]);
    expect(describeEvent(phone, context).title).toBe(
      'Phone changed from +55 11 91234 5678 to +1 415 555 0111',
    );
    const many = event('updated', [
      { field: 'company', before: null, after: 'Acme' },
      { field: 'address.city', before: 'Lisbon', after: null },
      { field: 'custom.ltv', before: 10, after: 1200 },
      { field: 'address.country', before: 'PT', after: 'BR' },
    ]);
    expect(describeEvent(many, context)).toEqual({
      title: '4 fields changed',
      details: [
        'Company set to Acme',
        'City cleared (was Lisbon)',
        'Lifetime value changed from $10.00 to $1,200.00',
        'Country changed from Portugal to Brazil',
      ],
    });
  });

  it('names the import a contact was created or updated by', () => {
    const source = { field: 'source', before: null, after: 'import: clientes.csv' };
    expect(
      describeEvent(
        event('created', [{ field: 'firstName', before: null, after: 'A' }, source], 'system'),
        context,
      ),
    ).toEqual({ title: 'Contact created by import: clientes.csv', details: ['With First name'] });
    expect(
      describeEvent(
        event('updated', [{ field: 'company', before: null, after: 'Acme' }, source], 'system'),
        context,
      ),
    ).toEqual({ title: 'Updated by import: clientes.csv', details: ['Company set to Acme'] });
  });

  it('describes tags, creation, consent and unknown events', () => {
    expect(
      describeEvent(event('tag_added', [{ field: 'tags', before: null, after: 'VIP' }]), context).title,
    ).toBe('Tag VIP added');
    expect(
      describeEvent(event('tag_removed', [{ field: 'tags', before: 'VIP', after: null }]), context).title,
    ).toBe('Tag VIP removed');
    expect(
      describeEvent(event('created', [{ field: 'firstName', before: null, after: 'A' }]), context),
    ).toEqual({
      title: 'Contact created',
      details: ['With First name'],
    });
    expect(
      describeEvent(
        event('consent_recorded', [{ field: 'consent.whatsapp.marketing', before: null, after: 'opted_in' }]),
        context,
      ).title,
    ).toBe('WhatsApp marketing consent: opted in');
    expect(describeEvent(event('merged_into', []), context).title).toBe('Merged into');
  });

  it('names who acted', () => {
    expect(describeActor({ type: 'user', id: 'u1' }, context)).toBe('Ana');
    expect(describeActor({ type: 'user', id: 'gone' }, context)).toBe('a former member');
    expect(describeActor({ type: 'api_key', id: 'k' }, context)).toBe('an API key');
    expect(describeActor({ type: 'system', id: null }, context)).toBe('Rolo');
  });
});
