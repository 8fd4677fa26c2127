import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';

export const accountKeys = { me: ['auth', 'me'] as const };

/** The signed-in person as the service sees them now (whether their second factor is on). */
export function useMe() {
  return useQuery({ queryKey: accountKeys.me, queryFn: () => unwrap(api.GET('/api/v1/auth/me')) });
}

/** Changes one's password: the service ends every other session and token of the person; this one goes on. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => unwrap(api.POST('/api/v1/auth/password', { body })),
  });
}

/** A secret subscription URL of the court's hearing calendar; the one issued before stops working. */
export function useIssueCalendarFeed() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/auth/calendar-feed')) });
}
