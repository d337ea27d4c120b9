import type { FilterField, FilterFieldKind } from './filter-fields.js';
import { isCondition, RELATIVE_DURATION } from './filter-tree.js';
import type { FilterCondition, FilterNode, FilterOp } from './filter-tree.js';

/**
 * The text form of the filter language, for search boxes (see docs/search.md "Search syntax"):
 *
 *   tag:VIP ltv>=5000 city:"São Paulo" -tag:Churned last_inbound<30d
 *
 * Terms are ANDed; `OR` binds tighter than the implicit AND (`a b OR c` is `a AND (b OR c)`);
 * parentheses group; `-` negates; bare words become one `search` condition. Operators: `:` (equals,
 * is any of, has any of — by kind), `!:` (its negation), `&:` (has all of), `~` / `!~` (contains /
 * does not contain), `^` (starts with), `>` `>=` `<` `<=` (numbers; dates before/after; `<30d` within
 * the last, `>30d` more than ago), `a..b` (between), `empty` (is empty; `!:empty` is not empty).
 */

/** Where and why a text filter could not be read. */
export interface FilterTextError {
  message: string;
  /** 0-based index in the text. */
  position: number;
}

/** A parsed text filter or the first error in it. */
export type FilterTextResult = { ok: true; filter: FilterNode } | { ok: false; error: FilterTextError };

const TERM_START = /^([A-Za-z_][A-Za-z0-9_.]*)(!:|&:|!~|>=|<=|:|~|\^|>|<)/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?$/i;
const DATE_VALUE = /^\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SAFE_WORD = /^[\p{L}\p{M}\p{N}_@.+#/'][\p{L}\p{M}\p{N}_@.+#/'-]*$/u;
const SAFE_VALUE = /^[^\s"(),\\]+$/;
const EMPTY_WORD = 'empty';
const BOOLEAN_WORDS: Record<string, boolean> = { true: true, yes: true, false: false, no: false };
const LIST_KINDS = new Set<FilterFieldKind>(['select', 'user', 'consent', 'tags', 'multi_select']);
const DATE_KINDS = new Set<FilterFieldKind>(['date', 'datetime']);

class TextError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

/** The field each text-form name stands for: standard aliases first, then custom keys, `custom.<key>` always. */
export function fieldsByAlias(fields: ReadonlyMap<string, FilterField>): Map<string, FilterField> {
  const byAlias = new Map<string, FilterField>();
  const custom = [...fields.values()].filter((f) => f.id.startsWith('custom.'));
  for (const field of fields.values()) if (!field.id.startsWith('custom.')) byAlias.set(field.alias, field);
  for (const field of custom) byAlias.set(field.id, field);
  for (const field of custom) if (!byAlias.has(field.alias)) byAlias.set(field.alias, field);
  return byAlias;
}

/** The name a field is written with in the text form. */
export function textNameOf(field: FilterField, byAlias: ReadonlyMap<string, FilterField>): string {
  return byAlias.get(field.alias) === field ? field.alias : field.id;
}

// ---- parsing ----

interface RawValue {
  text: string;
  quoted: boolean;
  position: number;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly byAlias: ReadonlyMap<string, FilterField>,
  ) {}

  parse(): FilterNode {
    const node = this.sequence();
    this.skipSpace();
    if (this.pos < this.text.length) throw new TextError('Unexpected ")"', this.pos);
    return node;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  private atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length || this.text[this.pos] === ')';
  }

  private atOr(): boolean {
    this.skipSpace();
    return this.text.startsWith('OR', this.pos) && /^OR(?=[\s()"-]|$)/.test(this.text.slice(this.pos));
  }

  /** Terms joined by the implicit AND; adjacent bare words merge into one search. */
  private sequence(): FilterNode {
    const items: FilterNode[] = [];
    let previousWords: FilterCondition | null = null;
    while (!this.atEnd()) {
      if (this.atOr()) throw new TextError('OR needs a term on each side', this.pos);
      const word = this.bareWord();
      if (word !== null && !this.atOr()) {
        if (previousWords) previousWords.value = `${String(previousWords.value)} ${word}`;
        else items.push((previousWords = search(word)));
        continue;
      }
      const first = word === null ? this.unary() : search(word);
      items.push(this.orChain(first));
      previousWords = null;
    }
    return items.length === 1 ? items[0]! : { and: items };
  }

  private orChain(first: FilterNode): FilterNode {
    const items = [first];
    while (this.atOr()) {
      const at = this.pos;
      this.pos += 2;
      if (this.atEnd() || this.atOr()) throw new TextError('OR needs a term on each side', at);
      items.push(this.unary());
    }
    return items.length === 1 ? first : { or: items };
  }

  /** An unquoted bare word (not a term, group or negation), consumed; null when the next thing is not one. */
  private bareWord(): string | null {
    this.skipSpace();
    const rest = this.text.slice(this.pos);
    if (/^[-()"]/.test(rest) || TERM_START.test(rest)) return null;
    const word = /^[^\s()"]+/.exec(rest)![0];
    this.pos += word.length;
    return word;
  }

  private unary(): FilterNode {
    this.skipSpace();
    const at = this.pos;
    const char = this.text[this.pos];
    if (char === '-') {
      this.pos++;
      if (this.pos >= this.text.length || /[\s)]/.test(this.text[this.pos]!))
        throw new TextError('"-" must come right before what it negates', at);
      return { not: this.unary() };
    }
    if (char === '(') {
      this.pos++;
      const inner = this.sequence();
      if (this.text[this.pos] !== ')') throw new TextError('Missing ")" for the "(" here', at);
      this.pos++;
      return inner;
    }
    if (char === '"') return search(this.quoted().text);
    const term = TERM_START.exec(this.text.slice(this.pos));
    if (term) return this.term(term[1]!, term[2]!);
    const word = /^[^\s()"]+/.exec(this.text.slice(this.pos))![0];
    this.pos += word.length;
    return search(word);
  }

  private quoted(): RawValue {
    const start = this.pos;
    let out = '';
    this.pos++;
    while (this.pos < this.text.length) {
      const char = this.text[this.pos]!;
      if (char === '"') {
        this.pos++;
        return { text: out, quoted: true, position: start };
      }
      if (char === '\\') {
        const next = this.text[this.pos + 1];
        if (next === undefined) break;
        out += next;
        this.pos += 2;
        continue;
      }
      out += char;
      this.pos++;
    }
    throw new TextError('Missing closing quote for the quote here', start);
  }

  private rawValue(): RawValue {
    if (this.text[this.pos] === '"') return this.quoted();
    const position = this.pos;
    const text = /^[^\s(),"]*/.exec(this.text.slice(this.pos))![0];
    this.pos += text.length;
    return { text, quoted: false, position };
  }

  private values(): RawValue[] {
    const list = [this.rawValue()];
    while (this.text[this.pos] === ',') {
      this.pos++;
      list.push(this.rawValue());
    }
    return list;
  }

  private term(name: string, opToken: string): FilterCondition {
    const at = this.pos;
    const field = this.byAlias.get(name.toLowerCase());
    if (!field) throw new TextError(`Unknown field "${name}" (put text in quotes to search for it)`, at);
    this.pos += name.length + opToken.length;
    const values = this.values();
    const first = values[0]!;
    if (!first.quoted && first.text === '')
      throw new TextError(`Missing value after "${name}${opToken}"`, first.position);
    return conditionOf(field, opToken, values, name);
  }
}

function search(value: string): FilterCondition {
  return { field: 'search', op: 'matches', value };
}

function fail(value: RawValue, message: string): never {
  throw new TextError(message, value.position);
}

function single(values: RawValue[], what: string): RawValue {
  if (values.length > 1) fail(values[1]!, `${what} takes one value, not a list`);
  return values[0]!;
}

function isEmptyWord(value: RawValue): boolean {
  return !value.quoted && value.text.toLowerCase() === EMPTY_WORD;
}

function numberOf(value: RawValue): number {
  const text = value.text.trim();
  if (!NUMBER.test(text)) fail(value, `"${value.text}" is not a number`);
  return Number(text);
}

function dateOf(value: RawValue): string {
  if (!DATE_VALUE.test(value.text)) fail(value, `"${value.text}" is not a date like 2024-01-31`);
  return value.text;
}

function rangeOf(field: FilterField, value: RawValue): [number, number] | [string, string] | null {
  if (value.quoted) return null;
  const parts = value.text.split('..');
  if (parts.length !== 2) return null;
  const [low, high] = parts.map((text, i) => ({
    text,
    quoted: false,
    position: value.position + (i === 0 ? 0 : parts[0]!.length + 2),
  }));
  if (field.kind === 'number') return [numberOf(low!), numberOf(high!)];
  return [dateOf(low!), dateOf(high!)];
}

function choiceOf(field: FilterField, value: RawValue): string {
  const wanted = value.text.toLowerCase();
  return field.choices?.find((c) => c.toLowerCase() === wanted) ?? value.text;
}

function conditionOf(field: FilterField, opToken: string, values: RawValue[], name: string): FilterCondition {
  const id = field.id;
  const kind = field.kind;
  const first = values[0]!;
  const cannot = (): never => fail(first, `"${name}" cannot be used with "${opToken}"`);

  if (
    (opToken === ':' || opToken === '!:') &&
    values.length === 1 &&
    isEmptyWord(first) &&
    kind !== 'consent'
  ) {
    if (kind === 'boolean' || kind === 'search') cannot();
    return { field: id, op: opToken === ':' ? 'is_empty' : 'is_not_empty' };
  }
  if (kind === 'search') {
    if (opToken !== ':') cannot();
    return { field: id, op: 'matches', value: single(values, name).text };
  }
  if (kind === 'text') {
    const ops: Record<string, FilterOp> = {
      ':': 'eq',
      '!:': 'neq',
      '~': 'contains',
      '!~': 'not_contains',
      '^': 'starts_with',
    };
    const op = ops[opToken] ?? cannot();
    return { field: id, op, value: single(values, name).text };
  }
  if (kind === 'boolean') {
    if (opToken !== ':') cannot();
    const value = BOOLEAN_WORDS[single(values, name).text.toLowerCase()];
    if (value === undefined) fail(first, `"${name}" is true or false`);
    return { field: id, op: 'eq', value };
  }
  if (LIST_KINDS.has(kind)) {
    const ops: Record<string, FilterOp | undefined> =
      kind === 'tags' || kind === 'multi_select'
        ? { ':': 'has_any', '!:': 'has_none', '&:': 'has_all' }
        : { ':': 'any_of', '!:': 'none_of' };
    const op = ops[opToken] ?? cannot();
    return { field: id, op, value: values.map((v) => choiceOf(field, v)) };
  }
  if (kind === 'number') {
    const value = single(values, name);
    const range = opToken === ':' ? rangeOf(field, value) : null;
    if (range) return { field: id, op: 'between', value: range };
    const ops: Record<string, FilterOp> = {
      ':': 'eq',
      '!:': 'neq',
      '>': 'gt',
      '>=': 'gte',
      '<': 'lt',
      '<=': 'lte',
    };
    const op = ops[opToken] ?? cannot();
    return { field: id, op, value: numberOf(value) };
  }
  if (DATE_KINDS.has(kind)) return dateCondition(field, opToken, single(values, name), name);
  return cannot();
}

function dateCondition(field: FilterField, opToken: string, value: RawValue, name: string): FilterCondition {
  const id = field.id;
  if (opToken === ':') {
    const range = rangeOf(field, value);
    if (range) return { field: id, op: 'between', value: range };
    if (field.kind === 'date') return { field: id, op: 'eq', value: dateOf(value) };
    fail(value, `"${name}" has a time: use < or > with a date, or a range like 2024-01-01..2024-01-31`);
  }
  if (opToken === '<' || opToken === '>') {
    if (RELATIVE_DURATION.test(value.text))
      return { field: id, op: opToken === '<' ? 'within_last' : 'more_than_ago', value: value.text };
    return { field: id, op: opToken === '<' ? 'before' : 'after', value: dateOf(value) };
  }
  return fail(value, `"${name}" compares with < or > (a date like 2024-01-31 or a duration like 30d)`);
}

/** Reads the text form into a filter tree; an empty text is `{ and: [] }` (everything). */
export function parseFilterText(text: string, fields: ReadonlyMap<string, FilterField>): FilterTextResult {
  try {
    return { ok: true, filter: new Parser(text, fieldsByAlias(fields)).parse() };
  } catch (error) {
    if (error instanceof TextError)
      return { ok: false, error: { message: error.message, position: error.position } };
    throw error;
  }
}

// ---- printing ----

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function printValue(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain = SAFE_VALUE.test(value) && value.toLowerCase() !== EMPTY_WORD && !value.includes('..');
  return plain ? value : quote(value);
}

/** Bare words when they read back as the same single search, else a quoted string. */
function printSearch(
  value: string,
  afterWords: boolean,
  oneWordOnly: boolean,
): { text: string; words: boolean } {
  const words = value.split(' ');
  const plain =
    !afterWords &&
    !(oneWordOnly && words.length > 1) &&
    words.every((w) => SAFE_WORD.test(w) && w !== 'OR' && !TERM_START.test(w));
  return plain ? { text: value, words: true } : { text: quote(value), words: false };
}

const TOKEN_OF_OP: Partial<Record<FilterOp, string>> = {
  eq: ':',
  any_of: ':',
  has_any: ':',
  neq: '!:',
  none_of: '!:',
  has_none: '!:',
  has_all: '&:',
  contains: '~',
  not_contains: '!~',
  starts_with: '^',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  before: '<',
  after: '>',
  within_last: '<',
  more_than_ago: '>',
  between: ':',
  is_empty: ':',
  is_not_empty: '!:',
};

function printConditionValue(condition: FilterCondition): string {
  const { op, value } = condition;
  if (op === 'is_empty' || op === 'is_not_empty') return EMPTY_WORD;
  if (op === 'between' && Array.isArray(value)) return value.map((v) => String(v)).join('..');
  if (Array.isArray(value)) return value.map(printValue).join(',');
  return value === undefined ? '""' : printValue(value);
}

class Printer {
  constructor(
    private readonly fields: ReadonlyMap<string, FilterField>,
    private readonly byAlias: ReadonlyMap<string, FilterField>,
  ) {}

  condition(
    condition: FilterCondition,
    afterWords: boolean,
    oneWordOnly: boolean,
  ): { text: string; words: boolean } {
    if (condition.op === 'matches')
      return printSearch(String(condition.value ?? ''), afterWords, oneWordOnly);
    const field = this.fields.get(condition.field);
    const name = field ? textNameOf(field, this.byAlias) : condition.field;
    const token = TOKEN_OF_OP[condition.op] ?? ':';
    return { text: `${name}${token}${printConditionValue(condition)}`, words: false };
  }

  /** `within` is the group the node sits in, deciding whether it needs parentheses. */
  node(
    node: FilterNode,
    within: 'and' | 'or' | 'not' | 'top',
    afterWords = false,
  ): { text: string; words: boolean } {
    if (isCondition(node)) return this.condition(node, afterWords, within === 'or' || within === 'not');
    if ('not' in node) {
      const inner = this.node(node.not, 'not');
      return { text: `-${inner.text}`, words: false };
    }
    if ('and' in node) {
      if (node.and.length === 1) return this.node(node.and[0]!, within, afterWords);
      const text = this.andItems(node.and);
      return { text: within === 'top' ? text : `(${text})`, words: false };
    }
    if (node.or.length === 1) return this.node(node.or[0]!, within, afterWords);
    if (node.or.length === 0) return { text: '-()', words: false };
    const text = node.or.map((child) => this.node(child, 'or').text).join(' OR ');
    return { text: within === 'and' || within === 'top' ? text : `(${text})`, words: false };
  }

  private andItems(items: FilterNode[]): string {
    const parts: string[] = [];
    let afterWords = false;
    for (const item of items) {
      const printed = this.node(item, 'and', afterWords);
      parts.push(printed.text);
      afterWords = printed.words;
    }
    return parts.join(' ');
  }
}

/** Writes a filter tree in the text form; `parseFilterText` reads it back to the same tree. */
export function printFilterText(tree: FilterNode, fields: ReadonlyMap<string, FilterField>): string {
  return new Printer(fields, fieldsByAlias(fields)).node(tree, 'top').text;
}
