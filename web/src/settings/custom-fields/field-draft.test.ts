import { describe, expect, it } from 'vitest';
import type { CustomField } from '../../api/types';
import { createBodyOf, draftOf, draftProblems, updateBodyOf, withLabel } from './field-draft';
import { keyFromLabel } from './field-key';

const plan: CustomField = {
  id: 'f1',
  key: 'plan',
  label: 'Plan',
  type: 'select',
  options: { choices: ['Free', 'Pro'] },
  group: 'SaaS',
  description: null,
  required: false,
  position: 0,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('custom field drafts', () => {
  it('derives the key like the API does, until the key is typed by hand', () => {
    expect(keyFromLabel('Customer Lifetime Value')).toBe('customer_lifetime_value');
    expect(keyFromLabel('2nd Phone')).toBe('field_2nd_phone');
    expect(keyFromLabel('Código Postal!')).toBe('codigo_postal');
    let draft = withLabel(draftOf(), 'Preferred Store');
    expect(draft.key).toBe('preferred_store');
    draft = { ...draft, key: 'store', keyEdited: true };
    expect(withLabel(draft, 'Preferred Store Name').key).toBe('store');
  });

  it('finds missing labels, bad keys, missing or repeated choices and a missing currency', () => {
    const draft = { ...draftOf(), type: 'select' as const, key: '9lives', choices: ['Pro', ' pro '] };
    expect(draftProblems(draft, true)).toEqual({
      label: 'Give the field a label',
      key: 'Start with a letter and use only a-z, 0-9 and _ (at most 64)',
      'options.choices': 'Each choice must be different',
    });
    expect(draftProblems({ ...draft, label: 'X', key: 'x', choices: [' '] }, true)).toEqual({
      'options.choices': 'Add at least one choice',
    });
    expect(draftProblems({ ...draftOf(), label: 'MRR', type: 'currency', currency: '' }, true)).toEqual({
      'options.currency': 'Pick a currency',
    });
  });

  it('sends only the options of the chosen type, trimmed, and never the key when editing', () => {
    const draft = { ...draftOf(plan), choices: [' Free ', 'Pro', 'Enterprise'], group: ' ', currency: 'EUR' };
    expect(updateBodyOf(draft)).toEqual({
      label: 'Plan',
      type: 'select',
      options: { choices: ['Free', 'Pro', 'Enterprise'] },
      group: null,
      description: null,
      required: false,
    });
    expect(createBodyOf({ ...draft, type: 'currency' })).toMatchObject({
      key: 'plan',
      options: { currency: 'EUR' },
    });
    expect(createBodyOf({ ...draftOf(), label: 'Notes', key: '' }).key).toBeUndefined();
  });
});
