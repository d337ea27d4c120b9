import type { QuickSearchHit, QuickSearchQuery } from '../../shared/quick-search-schemas.js';
import { searchNeedle } from '../../shared/search-needle.js';
import type { UnitOfWork } from '../db/repositories.js';
import type { ContactsTable } from '../db/schema.js';
import type { IdentityKey } from '../identities/identities.repository.js';
import { normalizePhone } from '../identities/normalize-phone.js';
import { phoneMatchKey } from '../identities/phone-match-key.js';
import { compareQuickMatches, quickMatchOf, type QuickNeedle } from './quick-match.js';

/** Digits a phone number needs before it is looked up as a whole number. */
const MIN_PHONE_DIGITS = 6;

/**
 * Quick find: the best few contacts for what was typed so far. It reads tier by tier — exact matches (name, email,
 * phone), then names and words that start with the text, then the text anywhere — each tier through an index and
 * limited to the number asked for, and stops as soon as it has enough. It never ranks every contact that
 * matches, so a common term costs no more than a rare one.
 */
export class QuickSearchService {
  constructor(private readonly uow: UnitOfWork) {}

  /** The best matches for `q`, best first (see `quickMatchOf` and `compareQuickMatches`). */
  async search(workspaceId: string, { q, limit }: QuickSearchQuery): Promise<QuickSearchHit[]> {
    const needle = await this.needleOf(workspaceId, q);
    const { folded } = needle;
    if (!folded) return [];
    const repo = this.uow.repos.quickSearch;
    const found = new Map<string, ContactsTable>();
    const add = (rows: ContactsTable[]) => {
      for (const row of rows) if (!found.has(row.id)) found.set(row.id, row);
    };
    const enough = () => found.size >= limit;
    const length = [...folded].length;

    add(await repo.namedExactly(workspaceId, folded, limit));
    add(await repo.holdingIdentities(workspaceId, identityKeysOf(needle)));
    if (!enough()) add(await repo.namesStartingWith(workspaceId, folded, limit));
    // A word's start follows a space in the search text; with the space, two characters make a trigram.
    if (!enough() && length >= 2) add(await repo.containing(workspaceId, ` ${folded}`, limit + found.size));
    if (!enough() && length >= 3) add(await repo.containing(workspaceId, folded, limit + found.size));

    return [...found.values()]
      .map((row) => ({ row, match: quickMatchOf(row, needle), sortName: row.sort_name, id: row.id }))
      .sort(compareQuickMatches)
      .slice(0, limit)
      .map(({ row, match }) => ({
        id: row.id,
        name: row.display_name,
        phone: row.phone,
        email: row.email,
        company: row.company,
        match,
      }));
  }

  /** The typed text as folded text, an email and the phone numbers it may be. */
  private async needleOf(workspaceId: string, q: string): Promise<QuickNeedle> {
    const folded = searchNeedle(q);
    const email = q.includes('@') ? q.trim().toLowerCase() : null;
    if (!/^\d+$/.test(folded) || folded.length < MIN_PHONE_DIGITS) return { folded, email, phoneKeys: [] };
    const workspace = await this.uow.repos.workspaces.find(workspaceId);
    const national = workspace ? normalizePhone(q, workspace.default_country) : null;
    const phoneKeys = [phoneMatchKey(`+${folded}`), ...(national ? [phoneMatchKey(national)] : [])];
    return { folded, email, phoneKeys: [...new Set(phoneKeys)] };
  }
}

/** The identities an exact email or phone match is looked up by. */
function identityKeysOf(needle: QuickNeedle): IdentityKey[] {
  return [
    ...(needle.email ? [{ kind: 'email', value: needle.email }] : []),
    ...needle.phoneKeys.map((value) => ({ kind: 'phone', value })),
  ];
}
