import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import type { User } from '../api/views';
import { credentials } from './credentials';

interface SessionState {
  user: User | null;
  /** Why the last session ended without the person signing out (shown on the sign-in page). */
  endedBecause: string | null;
  signIn(email: string, password: string, totp?: string): Promise<User>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/**
 * Who is signed in. Signing out, or the service refusing the credentials (the session expired or
 * was revoked), forgets the user and clears every cached answer, so nothing about a child stays
 * in the page for the next person at the keyboard.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<User | null>(null);
  const [endedBecause, setEndedBecause] = useState<string | null>(null);

  useEffect(
    () =>
      credentials.onExpired(() => {
        queryClient.clear();
        setUser(null);
        setEndedBecause('Your session ended. Sign in again to continue.');
      }),
    [queryClient],
  );

  const signIn = useCallback(async (email: string, password: string, _totp?: string) => {
    const answer = await unwrap<{ accessToken: string; user: User }>(api.POST('/api/v1/auth/token', { body: { email, password } }));
    credentials.set(answer.accessToken);
    setEndedBecause(null);
    setUser(answer.user);
    return answer.user;
  }, []);

  const signOut = useCallback(async () => {
    credentials.set(null);
    queryClient.clear();
    setUser(null);
  }, [queryClient]);

  const value = useMemo(() => ({ user, endedBecause, signIn, signOut }), [user, endedBecause, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user (pages under RequireUser only). */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
