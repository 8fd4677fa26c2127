import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import type { ObligationStatus, OpenEpisodeInput, RecoveryInput } from '../api/views';

export const episodeKeys = {
  all: ['episodes'] as const,
  list: (filters: Record<string, string | undefined>) => ['episodes', 'list', filters] as const,
  one: (id: string) => ['episodes', id] as const,
  obligations: (filters: Record<string, string | undefined>) => ['obligations', filters] as const,
  evidence: (obligationId: string) => ['obligations', obligationId, 'evidence'] as const,
  child: (id: string) => ['children', id] as const,
  cases: ['cases'] as const,
};

export function fetchEpisodes(query: {
  status?: 'MISSING' | 'RECOVERED';
  courtId?: string;
  childId?: string;
  cursor?: string;
  limit?: number;
}) {
  return unwrap(api.GET('/api/v1/episodes', { params: { query } }));
}

export function useEpisode(id: string) {
  return useQuery({
    queryKey: episodeKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/episodes/{id}', { params: { path: { id } } })),
  });
}

export function fetchObligations(query: {
  status?: ObligationStatus;
  courtId?: string;
  agencyId?: string;
  episodeId?: string;
  dueBefore?: string;
  cursor?: string;
  limit?: number;
}) {
  return unwrap(api.GET('/api/v1/obligations', { params: { query } }));
}

/** Open and overdue duties the caller may see (the first 500 of each), soonest first. */
export function usePendingObligations(filters: { courtId?: string } = {}) {
  return useQuery({
    queryKey: episodeKeys.obligations({ ...filters, pending: 'yes' }),
    queryFn: async () => {
      const [open, overdue] = await Promise.all([
        fetchObligations({ ...filters, status: 'OPEN', limit: 500 }),
        fetchObligations({ ...filters, status: 'OVERDUE', limit: 500 }),
      ]);
      return [...overdue.items, ...open.items].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    },
    refetchInterval: 60_000,
  });
}

/** Cases the caller may see (the first 500), for names and "pick a child". */
export function useCases() {
  return useQuery({
    queryKey: episodeKeys.cases,
    queryFn: () => unwrap(api.GET('/api/v1/cases', { params: { query: { limit: 500 } } })),
  });
}

export function useChild(id: string | null | undefined) {
  return useQuery({
    queryKey: episodeKeys.child(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/children/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useEvidence(obligationId: string, enabled = true) {
  return useQuery({
    queryKey: episodeKeys.evidence(obligationId),
    // An obligation's proofs are a handful: one page of 500 holds them all.
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/obligations/{id}/evidence', { params: { path: { id: obligationId }, query: { limit: 500 } } }))).items,
    enabled,
  });
}

export function useOpenEpisode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenEpisodeInput) => unwrap(api.POST('/api/v1/episodes', { body })),
    onSuccess: (episode) => {
      queryClient.setQueryData(episodeKeys.one(episode.id), episode);
      void queryClient.invalidateQueries({ queryKey: episodeKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['obligations'] });
    },
  });
}

export function useRecordRecovery(episodeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecoveryInput) => unwrap(api.POST('/api/v1/episodes/{id}/recovery', { params: { path: { id: episodeId } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: episodeKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['obligations'] });
    },
  });
}

/** Proof for one duty: JSON fields, plus the file as multipart when there is one. */
export function useSubmitProof(episodeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ obligationId, fields, file }: { obligationId: string; fields: Record<string, unknown>; file?: File | null }) => {
      const path = { id: obligationId };
      if (!file) return unwrap(api.POST('/api/v1/obligations/{id}/evidence', { params: { path }, body: fields as never }));
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) {
        if (Array.isArray(value)) value.forEach((item) => form.append(name, String(item)));
        else if (value !== undefined && value !== null) form.append(name, String(value));
      }
      form.append('file', file);
      return unwrap(
        api.POST('/api/v1/obligations/{id}/evidence', { params: { path }, body: form as never, bodySerializer: (body) => body as never }),
      );
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: episodeKeys.one(episodeId) });
      void queryClient.invalidateQueries({ queryKey: ['obligations'] });
    },
  });
}

export function useWaive(episodeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ obligationId, reason }: { obligationId: string; reason: string }) =>
      unwrap(api.POST('/api/v1/obligations/{id}/waive', { params: { path: { id: obligationId } }, body: { reason } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: episodeKeys.one(episodeId) }),
  });
}

/** Where an episode's documents are read (the session cookie goes with a plain link). */
export const episodeDocumentPath = (id: string, document: 'report-packet' | 'poster') => `/api/v1/episodes/${id}/${document}.pdf`;
