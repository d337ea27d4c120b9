import { describe, expect, it } from 'vitest';
import type { ImportTarget } from '../../../src/shared/import-schemas';
import type { CustomField } from '../api/types';
import {
  initialMapping,
  mappingProblems,
  mapsIdentity,
  sampleValues,
  targetFromKey,
  targetGroups,
  targetKey,
} from './import-mapping';

const field = (id: string, label: string): CustomField => ({
  id,
  key: label.toLowerCase(),
  label,
  type: 'text',
  options: {},
  group: null,
  description: null,
  required: false,
  position: 0,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

const phone: ImportTarget = { kind: 'field', field: 'phone' };
const ignore: ImportTarget = { kind: 'ignore' };

describe('import mapping: the target picker', () => {
  it('groups the choices: standard fields, custom fields, a new field, tags, consent, phone country, ignore', () => {
    const groups = targetGroups([field('f1', 'Plan')]);
    expect(groups.map((g) => g.group)).toEqual([
      'Standard fields',
      'Custom fields',
      'New custom field',
      'Tags',
      'Consent',
      'Per-row phone country',
      'Ignore',
    ]);
    expect(groups[0]?.items.slice(0, 4).map((i) => i.label)).toEqual([
      'Name',
      'First name',
      'Last name',
      'Phone',
    ]);
    expect(groups[1]?.items).toEqual([{ value: 'custom:f1', label: 'Plan' }]);
    expect(groups[4]?.items.map((i) => i.label)).toEqual([
      'Consent status',
      'Consent source',
      'Consent date',
    ]);
  });

  it('leaves out the custom fields group when the workspace has none', () => {
    expect(targetGroups([]).map((g) => g.group)).not.toContain('Custom fields');
  });

  it('gives every choice a unique value that maps back to its target', () => {
    const values = targetGroups([field('f1', 'Plan')]).flatMap((g) => g.items.map((i) => i.value));
    expect(new Set(values).size).toBe(values.length);
    for (const value of values)
      expect(targetKey(targetFromKey(value, { header: 'X', index: 0, current: ignore }, []))).toBe(value);
  });

  it('names a new field after the column, and keeps a consent column’s channel and purpose', () => {
    expect(targetFromKey('new', { header: '  Loyalty tier ', index: 3, current: ignore }, [])).toEqual({
      kind: 'newCustom',
      label: 'Loyalty tier',
      type: 'text',
    });
    expect(targetFromKey('new', { header: '', index: 3, current: ignore }, [])).toMatchObject({
      label: 'Column 4',
    });
    const emailConsent: ImportTarget = {
      kind: 'consent',
      part: 'status',
      channel: 'email',
      purpose: 'utility',
    };
    expect(
      targetFromKey('consent:date', { header: 'When', index: 1, current: ignore }, [emailConsent]),
    ).toEqual({
      kind: 'consent',
      part: 'date',
      channel: 'email',
      purpose: 'utility',
    });
    expect(targetFromKey('consent:source', { header: 'Src', index: 1, current: ignore }, [])).toMatchObject({
      channel: 'whatsapp',
      purpose: 'marketing',
    });
  });
});

describe('import mapping: problems', () => {
  const headers = ['Mobile', 'Work phone', 'Labels', 'Groups', 'Plan A', 'Plan B'];

  it('refuses a standard field chosen twice, on the later column, naming the first', () => {
    const problems = mappingProblems([phone, phone, ignore, ignore, ignore, ignore], headers, []);
    expect(problems[0]).toBeNull();
    expect(problems[1]).toBe('Phone is already filled from “Mobile”; choose another target or Ignore');
    expect(problems.slice(2)).toEqual([null, null, null, null]);
  });

  it('lets several columns add tags, or be ignored', () => {
    const tags: ImportTarget = { kind: 'tags' };
    expect(
      mappingProblems([ignore, ignore, tags, tags, ignore, ignore], headers, []).every((p) => p === null),
    ).toBe(true);
  });

  it('refuses the same custom field, a repeated new field name, or a new field named like an existing one', () => {
    const plan = field('f1', 'Plan');
    const custom: ImportTarget = { kind: 'custom', fieldId: 'f1' };
    const tier: ImportTarget = { kind: 'newCustom', label: 'Tier', type: 'text' };
    const problems = mappingProblems(
      [
        custom,
        custom,
        tier,
        { ...tier, label: ' tier ' },
        { kind: 'newCustom', label: 'plan', type: 'number' },
        ignore,
      ],
      headers,
      [plan],
    );
    expect(problems[1]).toMatch(/^Plan is already filled from “Mobile”/);
    expect(problems[3]).toMatch(/already filled from “Labels”/);
    expect(problems[4]).toBe('A custom field named “plan” exists: choose it under Custom fields');
  });

  it('refuses the same consent part twice for one channel and purpose, not for another purpose', () => {
    const status: ImportTarget = {
      kind: 'consent',
      part: 'status',
      channel: 'whatsapp',
      purpose: 'marketing',
    };
    const problems = mappingProblems(
      [status, status, { ...status, purpose: 'utility' }, ignore, ignore, ignore],
      headers,
      [],
    );
    expect(problems[1]).toMatch(/^WhatsApp marketing consent status is already filled/);
    expect(problems[2]).toBeNull();
  });

  it('asks for a name of a new field', () => {
    expect(mappingProblems([{ kind: 'newCustom', label: ' ', type: 'text' }], ['A'], [])[0]).toBe(
      'Name the new field',
    );
  });

  it('warns only when no column says who the contact is', () => {
    expect(mapsIdentity([ignore, { kind: 'tags' }, { kind: 'field', field: 'company' }])).toBe(false);
    expect(mapsIdentity([ignore, { kind: 'field', field: 'email' }])).toBe(true);
    expect(mapsIdentity([{ kind: 'field', field: 'lastName' }])).toBe(true);
  });
});

describe('import mapping: helpers', () => {
  it('fits the proposed mapping to the columns and picks two non-empty samples', () => {
    expect(initialMapping([phone], ['A', 'B'])).toEqual([phone, ignore]);
    expect(
      sampleValues(
        [
          ['', 'x'],
          [' a ', 'y'],
          ['b', 'z'],
          ['c', ''],
        ],
        0,
      ),
    ).toEqual(['a', 'b']);
  });
});
