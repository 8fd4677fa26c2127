import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fetchFile } from '../api/client';

/**
 * A document or photo of the API (sent with the person's credentials) as an object URL for an
 * <img> or <iframe>; revoked when the page leaves it. Kept in memory only, like every answer.
 */
export function useFileUrl(path: string | null) {
  return useFile(path).url ?? null;
}

/** The same, with the content type (to choose between an image and a framed PDF). */
export function useFile(path: string | null) {
  const query = useQuery({
    queryKey: ['file', path],
    queryFn: async () => {
      const blob = await fetchFile(path!);
      return { url: URL.createObjectURL(blob), type: blob.type };
    },
    enabled: Boolean(path),
    staleTime: Infinity,
    gcTime: 0,
  });
  const url = query.data?.url;
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return { ...query.data, error: query.error, isPending: query.isPending && Boolean(path) };
}

/** Downloads a file of the API and opens it in a new tab (the link cannot carry the credentials itself). */
export async function openFile(path: string): Promise<void> {
  const blob = await fetchFile(path);
  const url = URL.createObjectURL(blob);
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
