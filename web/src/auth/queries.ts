import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';

/** How people may sign in here (public): whether the court's single sign-on is offered, and where it starts. */
export function useSignInOptions() {
  return useQuery({
    queryKey: ['auth', 'sign-in-options'],
    queryFn: () => unwrap(api.GET('/api/v1/auth/sign-in-options')),
    staleTime: Infinity,
  });
}
