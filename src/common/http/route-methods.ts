import FindMyWay from 'find-my-way';
import type { FastifyInstance, RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** The methods some route answers at this path (none: no route has it); for 405 and its Allow header. */
    allowedMethods(path: string): string[];
  }
}

/**
 * Every route the server registers, in a second router keyed by method, so that a method a known
 * path does not take is a 405 with `Allow` (RFC 9110 §15.5.6) instead of Fastify's 404. Installed
 * before any route is registered.
 */
export function indexRouteMethods(fastify: FastifyInstance): void {
  const router = FindMyWay();
  const methods = new Set<string>();
  fastify.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat()) {
      router.on(method as FindMyWay.HTTPMethod, route.url, () => undefined);
      methods.add(method);
    }
  });
  fastify.decorate('allowedMethods', (path: string) =>
    [...methods].filter((method) => router.find(method as FindMyWay.HTTPMethod, path)).sort(),
  );
}
