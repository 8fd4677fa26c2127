import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import type { Child, Order, OrderKind, OrderStatus, OrderTemplate, Page } from '../api/views';

export const orderKeys = {
  all: ['orders'] as const,
  list: (filters: Record<string, string | undefined>) => ['orders', 'list', filters] as const,
  one: (id: string) => ['orders', id] as const,
  preview: (id: string, etag: string) => ['orders', id, 'preview', etag] as const,
  templates: ['order-templates'] as const,
};

export function fetchOrders(query: {
  courtId?: string;
  kind?: OrderKind;
  status?: OrderStatus;
  caseId?: string;
  cursor?: string;
  limit?: number;
}) {
  return unwrap<Page<Order>>(api.GET('/api/v1/orders', { params: { query: query as never } }));
}

/** An order with the ETag of the version read (sent back as If-Match when signing). */
export function useOrder(id: string) {
  return useQuery({
    queryKey: orderKeys.one(id),
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/v1/orders/{id}', { params: { path: { id } } });
      const order = await unwrap<Order>(Promise.resolve({ data, error, response }));
      return { order, etag: response.headers.get('etag') };
    },
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: orderKeys.templates,
    queryFn: () => unwrap<OrderTemplate[]>(api.GET('/api/v1/order-templates')),
    staleTime: 5 * 60_000,
  });
}

/** The HTML preview of the order's current text, as text (shown in a sandboxed frame). */
export function usePreview(id: string, version: string) {
  return useQuery({
    queryKey: orderKeys.preview(id, version),
    queryFn: () => unwrap<string>(api.GET('/api/v1/orders/{id}/preview', { params: { path: { id } }, parseAs: 'text' })),
  });
}

export function useCreateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      kind: OrderKind;
      courtId: string;
      caseId?: string;
      agencyIds?: string[];
      episodeId?: string;
      terms?: Record<string, unknown>;
    }) => unwrap<Order>(api.POST('/api/v1/orders', { body: body as never })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  });
}

export function useUpdateOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: Record<string, unknown>; etag: string | null }) =>
      unwrap<Order>(
        api.PATCH('/api/v1/orders/{id}', { params: { path: { id } }, body: body as never, headers: etag ? { 'If-Match': etag } : {} }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orderKeys.one(id) }),
  });
}

export function useSignOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (etag: string | null) =>
      unwrap<Order>(api.POST('/api/v1/orders/{id}/sign', { params: { path: { id } }, headers: etag ? { 'If-Match': etag } : {} })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  });
}

export function useVacateOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => unwrap<Order>(api.POST('/api/v1/orders/{id}/vacate', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  });
}

export const DEFAULT_PHOTO_MAX_AGE_DAYS = 180;

/**
 * The photo age the order that applies to the child asks for: the case's newest signed individual
 * order, else the court's standing order binding the placement agency, else the default.
 */
export function usePhotoMaxAgeDays(child: Child | undefined): number {
  const { data } = useQuery({
    queryKey: orderKeys.list({ courtId: child?.courtId, status: 'SIGNED', for: 'photo-age' }),
    queryFn: () => fetchOrders({ courtId: child!.courtId, status: 'SIGNED', limit: 500 }),
    enabled: Boolean(child),
  });
  if (!child || !data) return DEFAULT_PHOTO_MAX_AGE_DAYS;
  const newest = (orders: Order[]) => orders.sort((a, b) => (b.effectiveAt ?? '').localeCompare(a.effectiveAt ?? ''))[0];
  const agencyId = child.currentPlacement?.agencyId;
  const order =
    newest(data.items.filter((o) => o.kind === 'INDIVIDUAL' && o.caseId === child.caseId)) ??
    newest(data.items.filter((o) => o.kind === 'STANDING' && (o.agencyIds === null || (agencyId && o.agencyIds.includes(agencyId)))));
  return Number(order?.terms.photoMaxAgeDays ?? DEFAULT_PHOTO_MAX_AGE_DAYS);
}
