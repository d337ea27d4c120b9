import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { api, queryString } from '../api/api-client';

/** An existing contact that already holds a phone or email being typed. */
export interface IdentityMatch {
  field: 'phone' | 'email';
  contactId: string;
  name: string;
}

/** What to look for: a valid phone (E.164) and/or a valid email; null skips that one. */
export interface IdentityLookup {
  phone: string | null;
  email: string | null;
  /** The contact being edited, which may hold its own phone and email. */
  excludeId?: string;
}

/** Contacts that already hold this phone or email, looked up shortly after typing stops. */
export function useIdentityMatches({ phone, email, excludeId }: IdentityLookup) {
  const [settledPhone] = useDebouncedValue(phone, 300);
  const [settledEmail] = useDebouncedValue(email, 300);
  const enabled = Boolean(settledPhone || settledEmail);
  const query = useQuery({
    queryKey: ['contact-matches', settledPhone, settledEmail, excludeId ?? null],
    queryFn: async ({ signal }) =>
      (
        await api.get<{ data: IdentityMatch[] }>(
          `/contacts/matches${queryString({ phone: settledPhone, email: settledEmail, excludeId })}`,
          { signal },
        )
      ).data,
    enabled,
    staleTime: 5_000,
    retry: false,
  });
  const settled = settledPhone === phone && settledEmail === email;
  const matches = enabled && settled ? (query.data ?? []) : [];
  return {
    /** Matches for what is typed now (none while typing). */
    matches: matches.filter((match) => (match.field === 'phone' ? phone : email)),
    checking: !settled || (enabled && query.isFetching),
  };
}
