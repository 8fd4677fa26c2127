import type { FastifyReply } from 'fastify';
import { SESSION_ABSOLUTE_SECONDS } from './session.service.js';

export const SESSION_COOKIE = 'cmfc_session';
export const CSRF_COOKIE = 'cmfc_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The session cookie is HttpOnly and SameSite=Strict for the whole site; the CSRF cookie is the
 * same but readable by the page, which echoes it in `X-CSRF-Token`. `Secure` comes from the
 * configuration (production), never from how a proxy says the request arrived.
 */
export function setSessionCookies(reply: FastifyReply, session: { id: string; csrf: string }, secure: boolean): void {
  const common = { path: '/', sameSite: 'strict' as const, secure, maxAge: SESSION_ABSOLUTE_SECONDS };
  void reply.setCookie(SESSION_COOKIE, session.id, { ...common, httpOnly: true });
  void reply.setCookie(CSRF_COOKIE, session.csrf, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, secure: boolean): void {
  const common = { path: '/', sameSite: 'strict' as const, secure, maxAge: 0 };
  void reply.setCookie(SESSION_COOKIE, '', { ...common, httpOnly: true });
  void reply.setCookie(CSRF_COOKIE, '', { ...common, httpOnly: false });
}

/**
 * The browser's pending single sign-on, for the callback only. SameSite=Lax, not Strict: the
 * callback is a top-level navigation from the provider's site, on which a Strict cookie is not sent.
 */
export const OIDC_COOKIE = 'cmfc_oidc';
const OIDC_COOKIE_PATH = '/api/v1/auth/oidc';

export function setOidcCookie(reply: FastifyReply, pendingId: string, maxAge: number, secure: boolean): void {
  void reply.setCookie(OIDC_COOKIE, pendingId, { path: OIDC_COOKIE_PATH, sameSite: 'lax', secure, httpOnly: true, maxAge });
}

export function clearOidcCookie(reply: FastifyReply, secure: boolean): void {
  void reply.setCookie(OIDC_COOKIE, '', { path: OIDC_COOKIE_PATH, sameSite: 'lax', secure, httpOnly: true, maxAge: 0 });
}
