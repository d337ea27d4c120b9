import { describe, expect, it } from 'vitest';
import type { Contact, CustomField } from '../api/types';
import { buildPatch, changedPaths, checkChanged, rebaseEdits, toFormValues } from './profile-form-model';

const fields = [
  {
    id: 'f1',
    key: 'plan',
    label: 'Plan',
    type: 'select',
    options: { choices: ['Starter', 'Pro'] },
    required: false,
  },
  {
    id: 'f2',
    key: 'ltv',
    label: 'Lifetime value',
    type: 'currency',
    options: { currency: 'USD' },
    required: true,
  },
] as CustomField[];

const contact = {
  id: 'c1',
  firstName: 'Maria',
  lastName: 'Silva',
  name: 'Maria Silva',
  phone: '+5511912345678',
  email: 'maria@example.com',
  company: 'Acme',
  jobTitle: null,
  birthday: null,
  language: 'pt-BR',
  timezone: null,
  address: { street: null, city: 'Lisbon', region: null, postalCode: null, country: 'PT' },
  social: { linkedin: null, twitter: null, facebook: null, instagram: null, website: null },
  custom: { ltv: 1200 },
  tags: [],
  version: 3,
} as unknown as Contact;

describe('profile form model', () => {
  it('shows a contact as form values, the phone formatted', () => {
    const values = toFormValues(contact, fields);
    expect(values).toMatchObject({
      phone: '+55 11 91234 5678',
      jobTitle: '',
      'address.country': 'PT',
      'custom.plan': null,
      'custom.ltv': 1200,
    });
  });

  it('patches only the changed fields, nested, blanks as null, with the version', () => {
    const baseline = toFormValues(contact, fields);
    const values = {
      ...baseline,
      company: '  Globex ',
      'address.city': '',
      'social.twitter': '@maria',
      'custom.plan': 'Pro',
    };
    const paths = changedPaths(baseline, values, fields);
    expect(paths.sort()).toEqual(['address.city', 'company', 'custom.plan', 'social.twitter']);
    expect(buildPatch(paths, values, fields, 3)).toEqual({
      version: 3,
      company: 'Globex',
      address: { city: null },
      social: { twitter: '@maria' },
      custom: { plan: 'Pro' },
    });
  });

  it('does not count an untouched blank as a change', () => {
    const baseline = toFormValues(contact, fields);
    expect(changedPaths(baseline, { ...baseline, jobTitle: '', 'custom.plan': null }, fields)).toEqual([]);
  });

  it('checks the changed fields as they are typed', () => {
    const baseline = toFormValues(contact, fields);
    const values = {
      ...baseline,
      phone: '123',
      email: 'nope',
      birthday: '2999-01-01',
      'social.website': 'not a site',
      'custom.ltv': '',
    };
    const errors = checkChanged(changedPaths(baseline, values, fields), values, fields, 'BR');
    expect(Object.keys(errors).sort()).toEqual([
      'birthday',
      'custom.ltv',
      'email',
      'phone',
      'social.website',
    ]);
    expect(errors['custom.ltv']).toBe('Lifetime value is required');
  });

  it('keeps edits nobody else touched on reload, and reports the ones someone else changed', () => {
    const oldBaseline = toFormValues(contact, fields);
    const mine = { ...oldBaseline, company: 'Mine', jobTitle: 'Buyer' };
    const theirs = toFormValues({ ...contact, company: 'Theirs', version: 4 }, fields);
    const rebased = rebaseEdits(oldBaseline, theirs, mine, fields);
    expect(rebased.values.company).toBe('Theirs');
    expect(rebased.values.jobTitle).toBe('Buyer');
    expect(rebased.replaced).toEqual(['company']);
    expect(rebased.kept).toEqual(['jobTitle']);
  });
});
