import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterFieldsOf, OPERATORS_BY_KIND } from './filter-fields.js';
import type { FilterField } from './filter-fields.js';
import { parseFilterText, printFilterText } from './filter-text.js';
import { isCondition } from './filter-tree.js';
import type { FilterCondition, FilterNode, FilterOp, FilterValue } from './filter-tree.js';

const fields = filterFieldsOf([
  { key: 'ltv', label: 'Lifetime value', type: 'currency', options: { currency: 'USD' } },
  { key: 'plan', label: 'Plan', type: 'select', options: { choices: ['Free', 'Pro', 'Enterprise plan'] } },
  { key: 'interests', label: 'Interests', type: 'multi_select', options: { choices: ['golf', 'wine, red'] } },
  { key: 'vip', label: 'VIP', type: 'boolean', options: {} },
  { key: 'renewal', label: 'Renewal', type: 'date', options: {} },
  { key: 'signed_at', label: 'Signed', type: 'datetime', options: {} },
  { key: 'owner', label: 'Owner', type: 'user', options: {} },
  { key: 'city', label: 'City (custom)', type: 'text', options: {} },
]);

function parse(text: string): FilterNode {
  const result = parseFilterText(text, fields);
  if (!result.ok) throw new Error(`${result.error.message} at ${result.error.position}`);
  return result.filter;
}

function errorOf(text: string): { message: string; position: number } {
  const result = parseFilterText(text, fields);
  if (result.ok) throw new Error(`expected an error for ${text}`);
  return result.error;
}

const c = (field: string, op: FilterOp, value?: FilterValue): FilterCondition =>
  value === undefined ? { field, op } : { field, op, value };

describe('parseFilterText', () => {
  it('reads the example of the issue', () => {
    expect(parse('tag:VIP ltv>=5000 city:"São Paulo" -tag:Churned last_inbound<30d')).toEqual({
      and: [
        c('tags', 'has_any', ['VIP']),
        c('custom.ltv', 'gte', 5000),
        c('city', 'eq', 'São Paulo'),
        { not: c('tags', 'has_any', ['Churned']) },
        c('lastInboundAt', 'within_last', '30d'),
      ],
    });
  });

  it('maps each operator syntax by the kind of the field', () => {
    expect(parse('name~jo')).toEqual(c('name', 'contains', 'jo'));
    expect(parse('name!~jo')).toEqual(c('name', 'not_contains', 'jo'));
    expect(parse('name^jo')).toEqual(c('name', 'starts_with', 'jo'));
    expect(parse('name!:jo')).toEqual(c('name', 'neq', 'jo'));
    expect(parse('ltv:1000..5000')).toEqual(c('custom.ltv', 'between', [1000, 5000]));
    expect(parse('ltv<-2.5')).toEqual(c('custom.ltv', 'lt', -2.5));
    expect(parse('email:empty')).toEqual(c('email', 'is_empty'));
    expect(parse('email!:empty')).toEqual(c('email', 'is_not_empty'));
    expect(parse('-email:empty')).toEqual({ not: c('email', 'is_empty') });
    expect(parse('email:"empty"')).toEqual(c('email', 'eq', 'empty'));
    expect(parse('source:import,API')).toEqual(c('source', 'any_of', ['import', 'api']));
    expect(parse('plan!:pro')).toEqual(c('custom.plan', 'none_of', ['Pro']));
    expect(parse('tag&:a,b')).toEqual(c('tags', 'has_all', ['a', 'b']));
    expect(parse('interests!:golf')).toEqual(c('custom.interests', 'has_none', ['golf']));
    expect(parse('vip:yes has_email:false')).toEqual({
      and: [c('custom.vip', 'eq', true), c('hasEmail', 'eq', false)],
    });
    expect(parse('birthday:2000-02-29')).toEqual(c('birthday', 'eq', '2000-02-29'));
    expect(parse('created<2024-01-01 updated>2024-02-01T10:00:00Z')).toEqual({
      and: [c('createdAt', 'before', '2024-01-01'), c('updatedAt', 'after', '2024-02-01T10:00:00Z')],
    });
    expect(parse('last_inbound>2w')).toEqual(c('lastInboundAt', 'more_than_ago', '2w'));
    expect(parse('renewal:2024-01-01..2024-03-31')).toEqual(
      c('custom.renewal', 'between', ['2024-01-01', '2024-03-31']),
    );
    expect(parse('consent.whatsapp.marketing:opted_out')).toEqual(
      c('consent.whatsapp.marketing', 'any_of', ['opted_out']),
    );
  });

  it('resolves names: standard aliases win, custom.<key> always works, keys of other custom fields', () => {
    expect(parse('city:Lima')).toEqual(c('city', 'eq', 'Lima'));
    expect(parse('custom.city:Lima')).toEqual(c('custom.city', 'eq', 'Lima'));
    expect(parse('custom.ltv>1')).toEqual(c('custom.ltv', 'gt', 1));
    expect(parse('TAG:x')).toEqual(c('tags', 'has_any', ['x']));
  });

  it('groups: OR binds tighter than the implicit AND, parentheses and negated groups', () => {
    expect(parse('tag:a city:x OR city:y')).toEqual({
      and: [c('tags', 'has_any', ['a']), { or: [c('city', 'eq', 'x'), c('city', 'eq', 'y')] }],
    });
    expect(parse('(tag:a tag:b) OR -(ltv>1 OR ltv<0)')).toEqual({
      or: [
        { and: [c('tags', 'has_any', ['a']), c('tags', 'has_any', ['b'])] },
        { not: { or: [c('custom.ltv', 'gt', 1), c('custom.ltv', 'lt', 0)] } },
      ],
    });
    expect(parse('')).toEqual({ and: [] });
    expect(parse('  (tag:a)  ')).toEqual(c('tags', 'has_any', ['a']));
  });

  it('turns bare words into one search and keeps quoted strings apart', () => {
    expect(parse('josé maria tag:x')).toEqual({
      and: [c('search', 'matches', 'josé maria'), c('tags', 'has_any', ['x'])],
    });
    expect(parse('ana "b:c"')).toEqual({
      and: [c('search', 'matches', 'ana'), c('search', 'matches', 'b:c')],
    });
    expect(parse('"say \\"hi\\" \\\\ there"')).toEqual(c('search', 'matches', 'say "hi" \\ there'));
    expect(parse('+55 11 9876')).toEqual(c('search', 'matches', '+55 11 9876'));
  });

  it('reports what is wrong and where', () => {
    expect(errorOf('tag:a foo:bar')).toEqual({
      message: 'Unknown field "foo" (put text in quotes to search for it)',
      position: 6,
    });
    expect(errorOf('ltv>abc')).toEqual({ message: '"abc" is not a number', position: 4 });
    expect(errorOf('city:"Lima')).toEqual({
      message: 'Missing closing quote for the quote here',
      position: 5,
    });
    expect(errorOf('(tag:a')).toEqual({ message: 'Missing ")" for the "(" here', position: 0 });
    expect(errorOf('tag:a)')).toEqual({ message: 'Unexpected ")"', position: 5 });
    expect(errorOf('OR tag:a').message).toBe('OR needs a term on each side');
    expect(errorOf('tag:a OR').position).toBe(6);
    expect(errorOf('name:').message).toBe('Missing value after "name:"');
    expect(errorOf('name>x').message).toBe('"name" cannot be used with ">"');
    expect(errorOf('name:a,b').message).toBe('name takes one value, not a list');
    expect(errorOf('vip:maybe').message).toBe('"vip" is true or false');
    expect(errorOf('created:2024-01-01').message).toContain('has a time');
    expect(errorOf('renewal<soon').message).toBe('"soon" is not a date like 2024-01-31');
    expect(errorOf('renewal>=2024-01-01').message).toContain('compares with < or >');
    expect(errorOf('- tag:a').message).toBe('"-" must come right before what it negates');
  });
});

describe('printFilterText', () => {
  it('prints the example of the issue as written', () => {
    const text = 'tag:VIP ltv>=5000 city:"São Paulo" -tag:Churned last_inbound<30d';
    expect(printFilterText(parse(text), fields)).toBe(text);
  });

  it('quotes what would read back differently and parenthesises nested groups', () => {
    const tree: FilterNode = {
      and: [
        c('search', 'matches', 'ana'),
        c('search', 'matches', 'OR'),
        { and: [c('custom.city', 'eq', 'a,b'), c('custom.plan', 'any_of', ['Enterprise plan'])] },
        {
          or: [c('search', 'matches', 'two words'), { or: [c('name', 'eq', 'empty'), c('name', 'eq', '')] }],
        },
        { and: [] },
      ],
    };
    const text = printFilterText(tree, fields);
    expect(text).toBe(
      'ana "OR" (custom.city:"a,b" plan:"Enterprise plan") "two words" OR (name:"empty" OR name:"") ()',
    );
    expect(parse(text)).toEqual(tree);
  });
});

// ---- property: parse(print(tree)) is the tree, and printing is stable ----

const word = fc.stringMatching(/^[a-zA-Zçãé0-9][a-zA-Zçãé0-9_.@-]{0,6}$/);
const anyText = fc.string({
  maxLength: 12,
  unit: fc.constantFrom('a', 'B', ' ', '"', '\\', ',', ':', '(', ')', '-', 'é', '.', 'O', 'R'),
});
const textValue = fc.oneof(word, anyText, fc.constantFrom('empty', 'OR', '', 'a..b'));
const numberValue = fc
  .oneof(
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  )
  .filter((n) => !Object.is(n, -0));
const dateValue = fc
  .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const dateTimeValue = fc.oneof(
  dateValue,
  fc
    .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
);
const duration = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.constantFrom('h', 'd', 'w'))
  .map(([n, u]) => `${n}${u}`);

function valueFor(field: FilterField, op: FilterOp): fc.Arbitrary<FilterValue | undefined> {
  if (op === 'is_empty' || op === 'is_not_empty') return fc.constant(undefined);
  const choice = field.choices ? fc.constantFrom(...field.choices) : textValue;
  switch (field.kind) {
    case 'search':
      return textValue;
    case 'text':
      return textValue;
    case 'number':
      return op === 'between' ? fc.tuple(numberValue, numberValue) : numberValue;
    case 'boolean':
      return fc.boolean();
    case 'date':
    case 'datetime': {
      const date = field.kind === 'date' ? dateValue : dateTimeValue;
      if (op === 'within_last' || op === 'more_than_ago') return duration;
      return op === 'between' ? fc.tuple(date, date) : date;
    }
    default:
      return fc.array(choice, { minLength: 1, maxLength: 3 });
  }
}

const allFields = [...fields.values()];
const conditionArb: fc.Arbitrary<FilterCondition> = fc
  .constantFrom(...allFields)
  .chain((field) =>
    fc
      .constantFrom(
        ...OPERATORS_BY_KIND[field.kind].filter((op) => !(field.kind === 'datetime' && op === 'eq')),
      )
      .chain((op) =>
        valueFor(field, op).map((value) =>
          value === undefined ? { field: field.id, op } : { field: field.id, op, value },
        ),
      ),
  );

const treeArb = fc.letrec<{ node: FilterNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    conditionArb,
    fc.array(tie('node'), { minLength: 0, maxLength: 4 }).map((and) => ({ and })),
    fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((or) => ({ or })),
    tie('node').map((not) => ({ not })),
  ),
})).node;

/** The tree as the text form writes it: one-child groups are their child. */
function normalise(node: FilterNode): FilterNode {
  if (isCondition(node)) return node;
  if ('not' in node) return { not: normalise(node.not) };
  const items = ('and' in node ? node.and : node.or).map(normalise);
  if (items.length === 1) return items[0]!;
  return 'and' in node ? { and: items } : { or: items };
}

describe('text form round trip', () => {
  it('parse(print(tree)) is the tree, for every tree the text form expresses', () => {
    fc.assert(
      fc.property(treeArb, (tree) => {
        const text = printFilterText(tree, fields);
        const result = parseFilterText(text, fields);
        if (!result.ok) throw new Error(`${text}: ${result.error.message} at ${result.error.position}`);
        expect(result.filter).toEqual(normalise(tree));
      }),
      { numRuns: 2000 },
    );
  });

  it('printing what was parsed gives a stable form', () => {
    const piece = fc.oneof(
      word,
      fc.constantFrom(
        'tag:VIP',
        '-tag:x',
        'OR',
        '(',
        ')',
        'ltv>=5',
        'city:"São Paulo"',
        'name~jo',
        'a',
        '"q"',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const result = parseFilterText(pieces.join(' '), fields);
        if (!result.ok) return;
        const printed = printFilterText(result.filter, fields);
        const again = parseFilterText(printed, fields);
        expect(again.ok && printFilterText(again.filter, fields)).toBe(printed);
      }),
      { numRuns: 2000 },
    );
  });
});
