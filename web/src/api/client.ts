import createClient, { type Middleware } from 'openapi-fetch';
import { credentials } from '../auth/credentials';
import { ProblemError, type Problem } from './problem';
import type { paths } from './schema';

/**
 * The one typed client of the service's HTTP API, generated from its OpenAPI document
 * (`schema.d.ts`). Components reach it only through the query hooks of their feature folder.
 */
export const api = createClient<paths>({ baseUrl: '' });

const authenticate: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(credentials.headersFor(request.method))) request.headers.set(name, value);
    return request;
  },
  onResponse({ response, request }) {
    // Any 401 on a signed-in call means the session ended (expired, revoked, signed out elsewhere).
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/v1/auth/')) credentials.expired();
    return response;
  },
};
api.use(authenticate);

/**
 * A file of the API (a photo, a proof, a PDF) as a Blob, sent with the person's credentials; for
 * paths the typed client serves only as binary answers.
 */
export async function fetchFile(path: string): Promise<Blob> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (response.status === 401) credentials.expired();
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ProblemError(problem ?? { title: response.statusText, status: response.status });
  }
  return response.blob();
}
