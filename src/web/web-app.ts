import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PREVIEW_STYLE_SOURCE } from '../orders/rendering/order-html.renderer.js';

/** Paths that belong to the service, never to the web app's client-side routes. */
export const SERVICE_PREFIXES = ['/api', '/docs', '/health', '/calendar', '/admin/queues'];

/**
 * The first path segments of the app's client-side routes (web/src/app/App.tsx). Only these
 * answer with index.html: a catch-all route would take over the router's own answers for the
 * service's paths (a 414 for an id too long, a 404 problem for an unknown route).
 */
export const APP_SECTIONS = [
  'sign-in',
  'enrol',
  'verify',
  'episodes',
  'children',
  'cases',
  'proofs',
  'hearings',
  'docket',
  'closures',
  'orders',
  'compliance',
  'photo-gaps',
  'admin',
  'account',
  'notifications',
];

/**
 * The web app's policy: its own scripts and styles only (Vite emits no inline code), the API on
 * the same origin, images from the API and from files the person picked (blob:), documents
 * (PDFs, order previews) framed from the same origin or a blob.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // The order preview's stylesheet, by its hash: the judge reads the order as it will look.
  `style-src 'self' ${PREVIEW_STYLE_SOURCE}`,
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
 * index.html, never cached, for the app's client-side routes (`/verify` among them). Paths of
 * the service keep their own answers.
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
    const clientRoute = (request: FastifyRequest, reply: FastifyReply) =>
      isServicePath(request.url.split('?')[0]) ? reply.callNotFound() : sendIndex(reply);
    instance.get('/', clientRoute);
    for (const section of APP_SECTIONS) {
      instance.get(`/${section}`, clientRoute);
      instance.get(`/${section}/*`, clientRoute);
    }
  });
}
