import type { IdentityKey } from './identities.repository.js';

/** The identities a normalised phone and email give a contact (none for a missing value). */
export function identitiesOf(row: { phone: string | null; email: string | null }): IdentityKey[] {
  return [
    ...(row.phone ? [{ kind: 'phone', value: row.phone }] : []),
    ...(row.email ? [{ kind: 'email', value: row.email }] : []),
  ];
}
