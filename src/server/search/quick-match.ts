import type { QuickMatch } from '../../shared/quick-search-schemas.js';
import type { ContactsTable } from '../db/schema.js';
import { phoneMatchKey } from '../identities/phone-match-key.js';

/** What quick find looks for, in each form a contact's columns are compared with. */
export interface QuickNeedle {
  /** The folded text (digits alone for phone-like input), as the search text holds it. */
  folded: string;
  /** The text as an email address, when it looks like one. */
  email: string | null;
  /** Match keys of the phone numbers the text may be (international, or national in the workspace country). */
  phoneKeys: string[];
}

const RANK: Record<QuickMatch, number> = { exact: 0, prefix: 1, substring: 2 };

/**
 * How well a contact matches: `exact` when the whole name, the email or the phone number is what was typed;
 * `prefix` when the name or one of its words (first or last name, company, email, phone digits) starts with it;
 * `substring` when it is only found inside.
 */
export function quickMatchOf(
  row: Pick<ContactsTable, 'sort_name' | 'search_text' | 'email' | 'phone'>,
  needle: QuickNeedle,
): QuickMatch {
  const { folded } = needle;
  if (
    row.sort_name === folded ||
    (needle.email !== null && row.email === needle.email) ||
    (row.phone !== null && needle.phoneKeys.includes(phoneMatchKey(row.phone)))
  )
    return 'exact';
  if (row.search_text.startsWith(folded) || row.search_text.includes(` ${folded}`)) return 'prefix';
  return 'substring';
}

/** Orders matches best first: exact, prefix, substring; by name within each, then by id. */
export function compareQuickMatches(
  a: { match: QuickMatch; sortName: string; id: string },
  b: { match: QuickMatch; sortName: string; id: string },
): number {
  return (
    RANK[a.match] - RANK[b.match] ||
    (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
