import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths that belong to the service, never to the web app's client-side routes. */
export const SERVICE_PREFIXES = ['/api', '/docs', '/health', '/calendar', '/admin/queues'];

/**
 * The web app's policy: its own scripts and styles only (Vite emits no inline code), the API on
 * the same origin, images from the API and from files the person picked (blob:), documents
 * (PDFs, order previews) framed from the same origin or a blob.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** dist/web, found from this file both in the build (dist/src/web) and in the sources (src/web, tests). */
export function webRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'dist', 'web');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (existsSync(join(dir, 'web', 'index.html')) && existsSync(join(dir, 'main.js'))) return join(dir, 'web');
    dir = dirname(dir);
  }
  return null;
}

function isServicePath(path: string): boolean {
  return SERVICE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`));
}

/**
 * Serves the built web app at `/`: hashed assets under /assets (cached for a year), and
 * index.html for every other GET that is not the service's (client-side routes, `/verify`),
 * never cached. Paths of the service fall through to its own 404.
 */
export async function mountWebApp(app: NestFastifyApplication, root: string | null = webRoot()): Promise<void> {
  if (!root) return; // the server was built without the web app (npm run build builds both)
  const indexHtml = readFileSync(join(root, 'index.html'));
  await app.register(async (instance: FastifyInstance) => {
    await instance.register(fastifyStatic, {
      root: join(root, 'assets'),
      prefix: '/assets/',
      index: false,
      wildcard: true,
      maxAge: '365d',
      immutable: true,
      setHeaders: (reply) => void reply.header('content-security-policy', WEB_APP_CSP),
    });
    const sendIndex = (reply: FastifyReply) =>
      reply
        .header('content-security-policy', WEB_APP_CSP)
        .header('cache-control', 'no-cache')
        .header('x-frame-options', 'DENY')
        .type('text/html; charset=utf-8')
        .send(indexHtml);
    instance.get('/', (_request, reply) => sendIndex(reply));
    instance.get('/*', (request, reply) => {
      const path = request.url.split('?')[0];
      if (isServicePath(path) || /\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
      return sendIndex(reply);
    });
  });
}
