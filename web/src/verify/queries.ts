import { useMutation } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';

/**
 * What the court's record says of a document, asked by the code printed on it or by the PDF itself (no login). An
 * empty code asks nothing, and the service names what is missing.
 */
export function useVerification() {
  return useMutation({
    mutationFn: (by: { code: string } | { file: File }) => {
      if ('code' in by) return unwrap(api.GET('/api/v1/orders/verify', { params: { query: by.code.trim() ? { code: by.code } : {} } }));
      const form = new FormData();
      form.append('file', by.file);
      return unwrap(api.POST('/api/v1/orders/verify', { body: form as never, bodySerializer: (body) => body as never }));
    },
  });
}
