import type { IdentityKey } from './identities.repository.js';
import { phoneMatchKey } from './phone-match-key.js';

/** The identities a normalised phone and email give a contact (none for a missing value); phones by their match key. */
export function identitiesOf(row: { phone: string | null; email: string | null }): IdentityKey[] {
  return [
    ...(row.phone ? [{ kind: 'phone', value: phoneMatchKey(row.phone) }] : []),
    ...(row.email ? [{ kind: 'email', value: row.email }] : []),
  ];
}
