import { describe, expect, it } from 'vitest';
import type { CustomValueChecks } from '../../shared/custom-field-types.js';
import type { CustomFieldDefinitionsTable } from '../db/schema.js';
import {
  isEmptyCustomInput,
  missingRequiredFields,
  planCustomValues,
  rowsToCustomValues,
  toFieldDefinition,
  valueToRows,
  type FieldDefinition,
} from './custom-field-values.js';

const field = (
  id: string,
  type: FieldDefinition['type'],
  extra: Partial<FieldDefinition> = {},
): FieldDefinition => ({ id, key: id, label: id, type, options: {}, required: false, ...extra });

const plan = field('plan', 'select', { options: { choices: ['Free', 'Pro'] }, required: true });
const ltv = field('ltv', 'currency');
const vip = field('vip', 'boolean');
const colors = field('colors', 'multi_select', { options: { choices: ['Red', 'Blue'] } });
const note = field('note', 'text');
const owner = field('owner', 'user');
const fields = [plan, ltv, vip, colors, note, owner];

const checks: CustomValueChecks = { normalizePhone: () => null };
const planFor = (input: Record<string, unknown>, current = {}, enforceRequired = true) =>
  planCustomValues('w1', 'c1', fields, input, current, checks, enforceRequired);

describe('toFieldDefinition', () => {
  it('parses the stored options and the required flag', () => {
    const row: CustomFieldDefinitionsTable = {
      workspace_id: 'w1',
      id: 'f1',
      key: 'plan',
      label: 'Plan',
      type: 'select',
      options: '{"choices":["Free","Pro"]}',
      group_name: null,
      description: null,
      required: 1,
      position: 0,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    };
    expect(toFieldDefinition(row)).toEqual({
      id: 'f1',
      key: 'plan',
      label: 'Plan',
      type: 'select',
      options: { choices: ['Free', 'Pro'] },
      required: true,
    });
  });
});

describe('valueToRows and rowsToCustomValues', () => {
  it('stores numbers and booleans as numbers, text as text, and a multi-select as one row per choice', () => {
    expect(valueToRows('w1', 'c1', ltv, 1200.5)).toEqual([
      {
        workspace_id: 'w1',
        contact_id: 'c1',
        field_id: 'ltv',
        ordinal: 0,
        text_value: null,
        number_value: 1200.5,
      },
    ]);
    expect(valueToRows('w1', 'c1', vip, true)[0]).toMatchObject({ number_value: 1, text_value: null });
    expect(valueToRows('w1', 'c1', note, 'hello')[0]).toMatchObject({
      text_value: 'hello',
      number_value: null,
    });
    expect(valueToRows('w1', 'c1', colors, ['Blue', 'Red']).map((r) => [r.ordinal, r.text_value])).toEqual([
      [0, 'Blue'],
      [1, 'Red'],
    ]);
  });

  it('reads stored rows back into the values they came from, per contact', () => {
    const rows = [
      ...valueToRows('w1', 'c1', ltv, 0),
      ...valueToRows('w1', 'c1', vip, false),
      ...valueToRows('w1', 'c1', colors, ['Blue', 'Red']),
      ...valueToRows('w1', 'c2', vip, true),
      ...valueToRows('w1', 'c2', note, 'hi'),
      {
        workspace_id: 'w1',
        contact_id: 'c2',
        field_id: 'deleted',
        ordinal: 0,
        text_value: 'x',
        number_value: null,
      },
    ];
    const values = rowsToCustomValues(new Map(fields.map((f) => [f.id, f])), rows);
    expect(values.get('c1')).toEqual({ ltv: 0, vip: false, colors: ['Blue', 'Red'] });
    expect(values.get('c2')).toEqual({ vip: true, note: 'hi' });
  });
});

describe('isEmptyCustomInput', () => {
  it('treats null, blank text and empty lists as no value, and false or zero as values', () => {
    for (const raw of [undefined, null, '', '   ', []]) expect(isEmptyCustomInput(raw)).toBe(true);
    for (const raw of [false, 0, 'x', ['Red']]) expect(isEmptyCustomInput(raw)).toBe(false);
  });
});

describe('planCustomValues', () => {
  it('normalises values, plans their rows and records each change with before and after', () => {
    const result = planFor({ plan: 'pro', ltv: '$1,200.50', colors: 'red, blue' }, { ltv: 10 });
    expect(result.errors).toEqual([]);
    expect(result.fieldIds).toEqual(['plan', 'ltv', 'colors']);
    expect(result.rows.map((r) => [r.field_id, r.text_value ?? r.number_value])).toEqual([
      ['plan', 'Pro'],
      ['ltv', 1200.5],
      ['colors', 'Red'],
      ['colors', 'Blue'],
    ]);
    expect(result.changes).toEqual([
      { field: 'custom.plan', before: null, after: 'Pro' },
      { field: 'custom.ltv', before: 10, after: 1200.5 },
      { field: 'custom.colors', before: null, after: ['Red', 'Blue'] },
    ]);
  });

  it('names each bad or unknown key as custom.<key>', () => {
    const result = planFor({ ltv: 'lots', plan: 'Gold', nope: 1 });
    expect(result.errors).toEqual([
      { path: 'custom.ltv', message: 'must be a number' },
      { path: 'custom.plan', message: 'must be one of: Free, Pro' },
      { path: 'custom.nope', message: 'is not a custom field of this workspace' },
    ]);
    expect(result.rows).toEqual([]);
  });

  it('skips values that do not change', () => {
    const result = planFor(
      { ltv: '1200.5', colors: ['Red', 'Blue'] },
      { ltv: 1200.5, colors: ['Red', 'Blue'] },
    );
    expect(result).toMatchObject({ fieldIds: [], rows: [], changes: [], errors: [] });
  });

  it('clears a value given as null, blank or an empty list, and ignores clearing what is not set', () => {
    const result = planFor({ ltv: null, note: '   ', colors: [] }, { ltv: 5, note: 'old' });
    expect(result.errors).toEqual([]);
    expect(result.fieldIds).toEqual(['ltv', 'note']);
    expect(result.rows).toEqual([]);
    expect(result.changes).toEqual([
      { field: 'custom.ltv', before: 5, after: null },
      { field: 'custom.note', before: 'old', after: null },
    ]);
  });

  it('refuses to clear a required field only when asked to enforce it', () => {
    expect(planFor({ plan: null }, { plan: 'Pro' }).errors).toEqual([
      { path: 'custom.plan', message: 'is required' },
    ]);
    expect(planFor({ plan: '  ' }, { plan: 'Pro' }, false).errors).toEqual([]);
  });

  it('lists user references for the membership check', () => {
    expect(planFor({ owner: ' u-1 ' }).userIds).toEqual([{ path: 'custom.owner', id: 'u-1' }]);
  });
});

describe('missingRequiredFields', () => {
  it('names required fields left out, null, blank or empty', () => {
    const required = [
      plan,
      field('tags', 'multi_select', { options: { choices: ['A'] }, required: true }),
      note,
    ];
    expect(missingRequiredFields(required, {})).toEqual([
      { path: 'custom.plan', message: 'is required' },
      { path: 'custom.tags', message: 'is required' },
    ]);
    expect(missingRequiredFields(required, { plan: ' ', tags: [] }).map((e) => e.path)).toEqual([
      'custom.plan',
      'custom.tags',
    ]);
    expect(missingRequiredFields(required, { plan: 'Pro', tags: ['A'] })).toEqual([]);
  });
});
