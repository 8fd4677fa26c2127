import createClient, { type Middleware } from 'openapi-fetch';
import { credentials } from '../auth/credentials';
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
