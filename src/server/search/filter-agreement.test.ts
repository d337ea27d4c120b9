import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestRuntime } from '../../../test/support/test-database.js';
import { CONTACT_SOURCES } from '../../shared/contact-schemas.js';
import { evaluateFilter, type FilterSubject } from '../../shared/filter/evaluate-filter.js';
import { filterFieldsOf, OPERATORS_BY_KIND, type FilterField } from '../../shared/filter/filter-fields.js';
import type { FilterCondition, FilterNode, FilterValue } from '../../shared/filter/filter-tree.js';
import { systemPrincipal } from '../auth/principal.js';
import type { Runtime } from '../runtime.js';

const CONTACTS = 40;
const TREES = 80;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const FIRST_NAMES = ['Ana', 'ana', 'ÉMILE', 'émile', 'José', 'jose', 'Bob_1', 'Zoë'];
const CITIES = ['São Paulo', 'SÃO PAULO', 'são paulo', 'Rio', 'rio%', null];
const COMPANIES = ['ACME', 'Acme Inc', 'Ünïcorn', null];
const TAGS = ['VIP', 'Churned', 'Lead', 'Ñandú'];
const PLANS = ['Free', 'Pro', 'Team'];
const TOPICS = ['Shoes', 'Bags', 'Hats'];
const TEXT_NEEDLES = [
  'ana',
  'ANA',
  'é',
  'É',
  'paulo',
  'SÃO',
  'são',
  'acme',
  '%',
  '_',
  'b_1',
  'rio',
  '555',
  '@',
  'ü',
];
/** The fields the seeded contacts hold a spread of values in (the others are empty on every contact). */
const SEEDED_FIELDS = new Set([
  ...['name', 'firstName', 'lastName', 'company', 'email', 'phone', 'city', 'birthday', 'source', 'assignee'],
  ...[
    'tags',
    'hasWhatsapp',
    'hasEmail',
    'windowOpen',
    'search',
    'consent.whatsapp.marketing',
    'consent.email.marketing',
  ],
  ...['firstContactAt', 'lastInboundAt', 'lastOutboundAt', 'conversationCount', 'messageCount', 'createdAt'],
]);
const DURATIONS = ['1h', '23h', '1d', '2d', '30d', '2w', '365d'];

/** A random generator with a fixed seed, so that the contacts are the same on each run. */
function seeded(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const some = <T>(items: readonly T[]): T[] => items.filter(() => next() < 0.35);
  return { next, pick, some };
}

describeEachDialect('filters: SQL and in-memory evaluation agree', (dialect) => {
  let runtime: Runtime;
  let workspaceId: string;
  let ownerId: string;
  let fields: Map<string, FilterField>;
  const subjects: FilterSubject[] = [];
  const now = Date.now();
  const instants = [-2 * HOUR, -23 * HOUR, -25 * HOUR, -10 * DAY, -29 * DAY, -31 * DAY, -200 * DAY].map(
    (offset) => new Date(now + offset).toISOString(),
  );
  const days = instants.map((iso) => iso.slice(0, 10));

  beforeAll(async () => {
    runtime = await openTestRuntime(dialect);
    const { services } = runtime;
    workspaceId = (await services.workspaces.createWorkspace('Filters', 'US')).id;
    const by = systemPrincipal(workspaceId);
    ownerId = (
      await services.users.createUser(workspaceId, {
        email: 'owner@filters.test',
        name: 'Owner',
        role: 'owner',
      })
    ).user.id;
    const custom = [
      { key: 'note', label: 'Note', type: 'text' as const, options: {} },
      { key: 'ltv', label: 'LTV', type: 'currency' as const, options: { currency: 'USD' } },
      { key: 'renewal', label: 'Renewal', type: 'date' as const, options: {} },
      { key: 'seen', label: 'Seen', type: 'datetime' as const, options: {} },
      { key: 'vip', label: 'VIP', type: 'boolean' as const, options: {} },
      { key: 'plan', label: 'Plan', type: 'select' as const, options: { choices: PLANS } },
      { key: 'topics', label: 'Topics', type: 'multi_select' as const, options: { choices: TOPICS } },
    ];
    for (const field of custom) await services.customFields.createField(by, { ...field, required: false });
    fields = filterFieldsOf(custom);

    const random = seeded(20_261_128);
    const maybe = <T>(value: T) => (random.next() < 0.7 ? value : undefined);
    for (let i = 0; i < CONTACTS; i++) {
      const contact = await services.contacts.createContact(
        { workspaceId, actor: { type: 'system', id: null } },
        {
          firstName: random.pick(FIRST_NAMES),
          lastName: maybe(random.pick(['Lima', 'LIMA', 'da Silva'])),
          company: maybe(random.pick(COMPANIES)),
          email: maybe(`person${i}@example.com`),
          phone: maybe(`+1415555${String(1000 + i)}`),
          birthday: maybe(random.pick(['1990-01-01', '1985-06-15', '2000-12-31', days[6] ?? ''])),
          address: { city: random.pick(CITIES) },
          assigneeId: random.next() < 0.4 ? ownerId : null,
          source: random.pick(CONTACT_SOURCES),
          tags: random.some(TAGS),
          custom: {
            note: maybe(random.pick(['Call back', 'CALL later', 'éclair', '100%'])),
            ltv: maybe(random.pick([0, 1, 99.5, 5000, 12000])),
            renewal: maybe(random.pick(days)),
            seen: maybe(random.pick(instants)),
            vip: maybe(random.next() < 0.5),
            plan: maybe(random.pick(PLANS)),
            topics: random.some(TOPICS),
          },
        },
      );
      for (let m = Math.floor(random.next() * 4); m > 0; m--) {
        await runtime.services.uow.repos.contacts.recordMessage(workspaceId, contact.id, {
          direction: random.next() < 0.6 ? 'in' : 'out',
          at: random.pick(instants),
          startedConversation: random.next() < 0.5,
        });
      }
      if (random.next() < 0.4)
        await services.uow.repos.identities.insert(
          workspaceId,
          [{ contactId: contact.id, keys: [{ kind: 'whatsapp', value: `1415555${String(1000 + i)}` }] }],
          new Date(now).toISOString(),
        );
      for (const channel of ['whatsapp', 'email'] as const)
        for (let r = Math.floor(random.next() * 3); r > 0; r--)
          await services.consents.recordConsent(by, contact.id, {
            channel,
            purpose: 'marketing',
            status: random.next() < 0.5 ? 'opted_in' : 'opted_out',
            source: 'test',
          });
    }
    const all = await services.contacts.listContacts(workspaceId, { sort: 'name', limit: 200 });
    for (const contact of all.data) subjects.push(await services.filters.subjectOf(workspaceId, contact.id));
  });
  afterAll(async () => runtime.close());

  const valueFor = (field: FilterField, op: FilterCondition['op']): fc.Arbitrary<FilterValue | undefined> => {
    if (op === 'is_empty' || op === 'is_not_empty') return fc.constant(undefined);
    const subset = (items: readonly string[]) => fc.subarray([...items], { minLength: 1 });
    switch (field.kind) {
      case 'text':
        return fc.constantFrom(...TEXT_NEEDLES);
      case 'search':
        return fc.constantFrom('ana', 'ANA', 'jose', 'josé', 'acme', '555', '415 555', 'lima', 'example.com');
      case 'number': {
        const n = fc.constantFrom(0, 1, 2, 3, 99.5, 100, 5000, 12000, -1);
        return op === 'between' ? fc.tuple(n, n) : n;
      }
      case 'date':
      case 'datetime': {
        if (op === 'within_last' || op === 'more_than_ago') return fc.constantFrom(...DURATIONS);
        const one = fc.constantFrom(
          ...days,
          ...(field.kind === 'datetime' ? instants : ['1990-01-01', '2000-12-31']),
        );
        return op === 'between' ? fc.tuple(one, one) : one;
      }
      case 'boolean':
        return fc.boolean();
      case 'select':
        return subset(field.choices ?? []);
      case 'multi_select':
        return subset(field.choices ?? []);
      case 'user':
        return subset([ownerId, 'someone-else']);
      case 'consent':
        return subset(['opted_in', 'opted_out', 'none']);
      case 'tags':
        return subset([...TAGS, 'vip', 'ghost']);
    }
  };

  const conditionArb = () =>
    fc
      .constantFrom(
        ...[...fields.values()].filter((f) => SEEDED_FIELDS.has(f.id) || f.id.startsWith('custom.')),
      )
      .chain((field) =>
        fc.constantFrom(...OPERATORS_BY_KIND[field.kind]).chain((op) =>
          valueFor(field, op).map((value): FilterNode => ({
            field: field.id,
            op,
            ...(value === undefined ? {} : { value }),
          })),
        ),
      );

  const treeArb = () =>
    fc.letrec<{ node: FilterNode; and: FilterNode; or: FilterNode; not: FilterNode }>((tie) => ({
      node: fc.oneof({ maxDepth: 4, depthSize: 'small' }, conditionArb(), tie('and'), tie('or'), tie('not')),
      and: fc.record({ and: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      or: fc.record({ or: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      not: fc.record({ not: tie('node') }),
    })).node;

  it('seeded contacts with a spread of values', () => {
    expect(subjects).toHaveLength(CONTACTS);
    expect(subjects.some((s) => s.identityKinds.includes('whatsapp'))).toBe(true);
    expect(subjects.some((s) => s.contact.lastInboundAt !== null)).toBe(true);
  });

  it(`returns the same contacts from SQL as evaluateFilter accepts, on ${TREES} random trees`, async () => {
    const { filters } = runtime.services;
    let selective = 0;
    await fc.assert(
      fc.asyncProperty(treeArb(), async (tree) => {
        const checked = await filters.checkFilter(workspaceId, tree);
        const fromSql: string[] = [];
        for await (const page of filters.matchingIdPages(workspaceId, checked, 500, now))
          fromSql.push(...page);
        const inMemory = subjects
          .filter((s) => evaluateFilter(checked, s, fields, now))
          .map((s) => s.contact.id);
        expect(fromSql.sort()).toEqual(inMemory.sort());
        expect(await filters.countMatching(workspaceId, checked, now)).toBe(inMemory.length);
        if (inMemory.length > 0 && inMemory.length < CONTACTS) selective++;
      }),
      { numRuns: TREES },
    );
    expect(selective).toBeGreaterThan(TREES / 4);
  });

  it('agrees on every field, operator and sample value alone', async () => {
    const { filters } = runtime.services;
    const samples = (field: FilterField, op: FilterCondition['op']) =>
      fc
        .sample(valueFor(field, op), { numRuns: 60, seed: 7 })
        .filter((v, i, all) => all.findIndex((w) => JSON.stringify(w) === JSON.stringify(v)) === i);
    let checkedConditions = 0;
    for (const field of fields.values()) {
      for (const op of OPERATORS_BY_KIND[field.kind]) {
        for (const value of samples(field, op)) {
          const condition = { field: field.id, op, ...(value === undefined ? {} : { value }) };
          const checked = await filters.checkFilter(workspaceId, condition);
          const fromSql: string[] = [];
          for await (const page of filters.matchingIdPages(workspaceId, checked, 500, now))
            fromSql.push(...page);
          const inMemory = subjects
            .filter((s) => evaluateFilter(checked, s, fields, now))
            .map((s) => s.contact.id);
          expect({ condition, ids: fromSql.sort() }).toEqual({ condition, ids: inMemory.sort() });
          checkedConditions++;
        }
      }
    }
    expect(checkedConditions).toBeGreaterThan(500);
  });
});
