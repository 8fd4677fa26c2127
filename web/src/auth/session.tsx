import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import type { SessionUser } from '../api/views';
import { Loading } from '../common/Notice';
import { credentials } from './credentials';

export interface SignedInUser extends SessionUser {
  /** The role requires TOTP and it is not on yet: only the enrolment page is open. */
  mfaEnrolmentRequired: boolean;
}

interface SessionState {
  user: SignedInUser | null;
  /** Why the last session ended without the person signing out (shown on the sign-in page). */
  endedBecause: string | null;
  signIn(email: string, password: string, totp?: string): Promise<SignedInUser>;
  signOut(): Promise<void>;
  /** After TOTP enrolment: read the user again. */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

async function whoAmI(): Promise<SignedInUser | null> {
  const { data, response } = await api.GET('/api/v1/auth/me');
  if (!response.ok || !data || !('kind' in data) || data.kind !== 'user') return null;
  return data;
}

/**
 * Who is signed in, read from the service at start (the session cookie survives a reload).
 * Signing out, or the service refusing the session (it expired or was revoked), forgets the
 * user and clears every cached answer, so nothing about a child stays in the page.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<SignedInUser | null>(null);
  const [checked, setChecked] = useState(false);
  const [endedBecause, setEndedBecause] = useState<string | null>(null);

  const adopt = useCallback((found: SignedInUser | null) => {
    credentials.setSignedIn(found !== null);
    setUser(found);
  }, []);

  useEffect(() => {
    void whoAmI()
      .catch(() => null)
      .then((found) => {
        adopt(found);
        setChecked(true);
      });
  }, [adopt]);

  useEffect(
    () =>
      credentials.onExpired(() => {
        queryClient.clear();
        setUser(null);
        setEndedBecause('Your session ended. Sign in again to continue.');
      }),
    [queryClient],
  );

  const signIn = useCallback(
    async (email: string, password: string, totp?: string) => {
      const answer = await unwrap(api.POST('/api/v1/auth/session', { body: { email, password, ...(totp ? { totp } : {}) } }));
      const signedIn = { ...answer.user, mfaEnrolmentRequired: answer.mfaEnrolmentRequired };
      queryClient.clear();
      setEndedBecause(null);
      adopt(signedIn);
      return signedIn;
    },
    [adopt, queryClient],
  );

  const signOut = useCallback(async () => {
    await api.DELETE('/api/v1/auth/session').catch(() => undefined);
    queryClient.clear();
    adopt(null);
  }, [adopt, queryClient]);

  const refresh = useCallback(async () => adopt(await whoAmI()), [adopt]);

  const value = useMemo(() => ({ user, endedBecause, signIn, signOut, refresh }), [user, endedBecause, signIn, signOut, refresh]);
  if (!checked) return <Loading />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user (pages under RequireRole only). */
export function useUser(): SignedInUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
