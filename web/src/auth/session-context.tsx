import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, setUnauthenticatedHandler } from '../api/api-client';
import { sessionQuery } from '../api/workspace-queries';
import type { Session } from '../api/types';

/** What the app knows about who is signed in. */
export interface SessionState {
  session: Session;
  /** True for owners and admins, who manage the team and API keys. */
  isAdmin: boolean;
  signOut(): Promise<void>;
  /** Replaces the cached session (after changing the workspace or one's own profile). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** The signed-in session; only valid inside the signed-in part of the app. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession is used outside a signed-in page');
  return state;
}

/** How the sign-in gate renders: the sign-in page (with why) or the app. */
export interface SessionGateProps {
  renderSignIn(props: { expired: boolean; onSignedIn(session: Session): void }): ReactNode;
  children: ReactNode;
}

/** Loads the session; shows sign-in when there is none or it expired, otherwise the app. */
export function SessionGate({ renderSignIn, children }: SessionGateProps) {
  const queryClient = useQueryClient();
  const [expired, setExpired] = useState(false);
  const query = useQuery(sessionQuery);
  const session = query.data ?? null;

  useEffect(() => setCsrfToken(session?.csrfToken ?? null), [session]);
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setExpired(true);
      queryClient.setQueryData(['session'], null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  const onSignedIn = useCallback(
    (next: Session) => {
      setCsrfToken(next.csrfToken);
      setExpired(false);
      queryClient.setQueryData(['session'], next);
    },
    [queryClient],
  );
  const signOut = useCallback(async () => {
    await api.post('/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    queryClient.setQueryData(['session'], null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
  }, [queryClient]);
  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: ['session'] });
  }, [queryClient]);

  const state = useMemo<SessionState | null>(
    () => (session ? { session, isAdmin: session.user.role !== 'agent', signOut, refresh } : null),
    [session, signOut, refresh],
  );

  if (query.isPending) return null;
  if (query.isError) throw query.error;
  if (!state) return renderSignIn({ expired, onSignedIn });
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}
