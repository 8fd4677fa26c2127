import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import type { Child, Order, OrderKind, OrderStatus, OrderTemplate, Page } from '../api/views';

export const orderKeys = {
  all: ['orders'] as const,
  lists: ['orders', 'list'] as const,
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
    // Every version in scope fits one page of 500 (a few per kind and court).
    queryFn: async (): Promise<OrderTemplate[]> =>
      (await unwrap(api.GET('/api/v1/order-templates', { params: { query: { limit: 500 } } }))).items,
    staleTime: 5 * 60_000,
  });
}

/**
 * The HTML preview of the order's current text (shown in a sandboxed frame) with the ETag of the
 * version it was rendered from: the one the judge signs with.
 */
export function usePreview(id: string, version: string | null) {
  return useQuery({
    queryKey: orderKeys.preview(id, version ?? ''),
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/v1/orders/{id}/preview', { params: { path: { id } }, parseAs: 'text' });
      const html = await unwrap<string>(Promise.resolve({ data, error, response }));
      return { html, etag: response.headers.get('etag') };
    },
    enabled: version !== null,
  });
}

/** The court's signed standing orders (one is in force; a later one may wait for its effective date). */
export function useStandingOrders(courtId: string | undefined) {
  return useQuery({
    queryKey: orderKeys.list({ courtId, kind: 'STANDING', status: 'SIGNED' }),
    queryFn: () => fetchOrders({ courtId, kind: 'STANDING', status: 'SIGNED', limit: 20 }),
    enabled: Boolean(courtId),
  });
}

/** Where the order's PDF is read (the session cookie goes with a plain link). */
export const orderPdfPath = (id: string) => `/api/v1/orders/${id}/pdf`;

/** Where a signed order's certificate of service is read: who was served it, where and when. */
export const orderCertificatePath = (id: string) => `/api/v1/orders/${id}/certificate-of-service.pdf`;

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

/** Changes a draft (If-Match: the version the form was showing); the answer's ETag becomes the version known. */
export function useUpdateOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: Record<string, unknown>; etag: string | null }) => {
      const { data, error, response } = await api.PATCH('/api/v1/orders/{id}', {
        params: { path: { id } },
        body: body as never,
        headers: etag ? { 'If-Match': etag } : {},
      });
      const order = await unwrap<Order>(Promise.resolve({ data, error, response }));
      return { order, etag: response.headers.get('etag') };
    },
    onSuccess: (answer) => {
      queryClient.setQueryData(orderKeys.one(id), answer);
      void queryClient.invalidateQueries({ queryKey: orderKeys.lists });
    },
    // A 412 means someone else changed it: read it again.
    onError: () => void queryClient.invalidateQueries({ queryKey: orderKeys.one(id), exact: true }),
  });
}

export function useSignOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (etag: string | null) =>
      unwrap<Order>(api.POST('/api/v1/orders/{id}/sign', { params: { path: { id } }, headers: etag ? { 'If-Match': etag } : {} })),
    // Signed, or refused because the draft changed: either way the order and its preview are read again.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: orderKeys.all }),
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
