import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import type { components } from '../api/schema';
import type { Role } from '../api/views';
import { directoryKeys } from '../directory/queries';

type Body<Name extends keyof components['schemas']> = components['schemas'][Name];

/** Admin lists load this many rows a page ("Show more" for the next). */
export const PAGE_SIZE = 20;

export const adminKeys = {
  courts: ['admin', 'courts'] as const,
  agencies: ['admin', 'agencies'] as const,
  agency: (id: string) => ['admin', 'agencies', id] as const,
  apiKeys: (agencyId: string) => ['admin', 'agencies', agencyId, 'api-keys'] as const,
  users: (filters: UserFilters) => ['admin', 'users', filters] as const,
  allUsers: ['admin', 'users'] as const,
  user: (id: string) => ['admin', 'user', id] as const,
  templates: (courtId: string | undefined) => ['admin', 'templates', courtId ?? 'all'] as const,
  allTemplates: ['admin', 'templates'] as const,
  template: (id: string) => ['admin', 'template', id] as const,
};

export interface UserFilters {
  role?: Role;
  disabled?: boolean;
}

/** A change that refreshes the lists it touches once it succeeds. */
function useChange<Input, Output>(mutationFn: (input: Input) => Promise<Output>, touches: ReadonlyArray<readonly unknown[]>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all(touches.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}

export const fetchCourtsPage = (cursor: string | undefined) =>
  unwrap(api.GET('/api/v1/courts', { params: { query: { limit: PAGE_SIZE, cursor } } }));

export const useCreateCourt = () =>
  useChange((body: Body<'CreateCourtDto'>) => unwrap(api.POST('/api/v1/courts', { body })), [adminKeys.courts, directoryKeys.courts]);

export const useAddClosure = (courtId: string) =>
  useChange(
    (body: Body<'CreateClosureDto'>) => unwrap(api.POST('/api/v1/courts/{id}/closures', { params: { path: { id: courtId } }, body })),
    [directoryKeys.closures(courtId)],
  );

export const fetchAgenciesPage = (cursor: string | undefined) =>
  unwrap(api.GET('/api/v1/agencies', { params: { query: { limit: PAGE_SIZE, cursor } } }));

export const useCreateAgency = () =>
  useChange(
    (body: Body<'CreateAgencyDto'>) => unwrap(api.POST('/api/v1/agencies', { body })),
    [adminKeys.agencies, directoryKeys.agencies],
  );

export function useAgency(id: string) {
  return useQuery({
    queryKey: adminKeys.agency(id),
    queryFn: () => unwrap(api.GET('/api/v1/agencies/{id}', { params: { path: { id } } })),
  });
}

export function useApiKeys(agencyId: string) {
  return useQuery({
    queryKey: adminKeys.apiKeys(agencyId),
    queryFn: () => unwrap(api.GET('/api/v1/agencies/{id}/api-keys', { params: { path: { id: agencyId } } })),
  });
}

export const useIssueApiKey = (agencyId: string) =>
  useChange(
    (body: Body<'CreateApiKeyDto'>) => unwrap(api.POST('/api/v1/agencies/{id}/api-keys', { params: { path: { id: agencyId } }, body })),
    [adminKeys.apiKeys(agencyId)],
  );

export const useRevokeApiKey = (agencyId: string) =>
  useChange(
    (keyId: string) => unwrap(api.DELETE('/api/v1/agencies/{id}/api-keys/{keyId}', { params: { path: { id: agencyId, keyId } } })),
    [adminKeys.apiKeys(agencyId)],
  );

export const fetchUsersPage = (filters: UserFilters, cursor: string | undefined) =>
  unwrap(api.GET('/api/v1/users', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } } }));

export function useUserRecord(id: string) {
  return useQuery({
    queryKey: adminKeys.user(id),
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });
}

export const useCreateUser = () =>
  useChange((body: Body<'CreateUserDto'>) => unwrap(api.POST('/api/v1/users', { body })), [adminKeys.allUsers]);

export const useUpdateUser = (id: string) =>
  useChange(
    (body: Body<'UpdateUserDto'>) => unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    [adminKeys.allUsers, adminKeys.user(id)],
  );

export const useResetMfa = (id: string) =>
  useChange(() => unwrap(api.DELETE('/api/v1/users/{id}/mfa', { params: { path: { id } } })), [adminKeys.allUsers]);

export function useTemplates(courtId: string | undefined) {
  return useQuery({
    queryKey: adminKeys.templates(courtId),
    // Every version in scope fits one page of 500 (a few per kind and court).
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/order-templates', { params: { query: courtId ? { courtId, limit: 500 } : { limit: 500 } } }))).items,
  });
}

export function useTemplate(id: string) {
  return useQuery({
    queryKey: adminKeys.template(id),
    queryFn: () => unwrap(api.GET('/api/v1/order-templates/{id}', { params: { path: { id } } })),
    enabled: Boolean(id),
    staleTime: Infinity, // a stored version never changes
  });
}

export const useCreateTemplate = () =>
  useChange((body: Body<'CreateOrderTemplateDto'>) => unwrap(api.POST('/api/v1/order-templates', { body })), [adminKeys.allTemplates]);
