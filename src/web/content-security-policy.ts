import { WEB_APP_CSP } from './web-app.js';

const policy = (directives: string[]) => directives.join('; ');

/**
 * What the service's own answers may do in a browser: JSON, PDFs, images and files load nothing
 * and run nothing (the web app at `/` sets its own policy, and an HTML preview its own).
 */
export const API_CSP = policy([
  "default-src 'none'",
  "img-src 'self' data:",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
]);

/** The Swagger UI (/docs) is the one page that needs inline scripts. */
export const DOCS_CSP = policy([
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
]);

/** The queue dashboard (bull-board): its own scripts only; its page carries inline styles. */
export const DASHBOARD_CSP = policy([
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
]);

/** An uploaded file: never a page of this origin, whatever it holds. */
export const UPLOADED_FILE_CSP = 'sandbox';

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The policy a path starts with (a route may set a stricter one of its own). */
export function contentSecurityPolicyFor(path: string): string {
  if (under(path, '/docs')) return DOCS_CSP;
  if (under(path, '/admin/queues')) return DASHBOARD_CSP;
  if (under(path, '/api') || under(path, '/health') || under(path, '/calendar') || path === '/docs-json') return API_CSP;
  return WEB_APP_CSP;
}
