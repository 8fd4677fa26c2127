import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Forbidden, Unauthenticated } from '../common/errors/domain-error.js';
import { AccountStateService, type AccountState } from './account-state.service.js';
import { ApiKeyService } from './api-key.service.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './cookies.js';
import type { Principal } from './principal.js';
import { SessionService } from './session.service.js';
import { invalid, TokenService } from './token.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling, from one of three credentials: `Authorization: Bearer`, `X-API-Key`, or the
 * browser's session cookie (whose changes must carry the CSRF header). Used by the global guard
 * and by the queue dashboard, so both accept the same people.
 */
@Injectable()
export class Authenticator {
  constructor(
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(ApiKeyService) private readonly apiKeys: ApiKeyService,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(AccountStateService) private readonly accounts: AccountStateService,
  ) {}

  /**
   * `sameOriginSuffices`: for pages that cannot send the CSRF header (the queue dashboard's own
   * scripts), a change with the session cookie may instead show the browser's word that it comes
   * from this origin (`Sec-Fetch-Site: same-origin`).
   */
  async authenticate(request: FastifyRequest, options: { sameOriginSuffices?: boolean } = {}): Promise<Principal> {
    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw new Unauthenticated('Use "Authorization: Bearer <token>".', 'InvalidToken');
      return this.bearer(match[1]);
    }
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey) return this.apiKeys.authenticate(apiKey);
    const sessionId = request.cookies?.[SESSION_COOKIE];
    if (sessionId) return this.session(request, sessionId, options.sameOriginSuffices === true);
    throw new Unauthenticated();
  }

  private async bearer(token: string): Promise<Principal> {
    const verified = await this.tokens.verify(token);
    const state = await this.accounts.get(verified.userId);
    const version = (verified.jti !== null ? state?.carriedJtis.get(verified.jti) : undefined) ?? verified.tokenVersion;
    if (
      !current(state, version) ||
      state.role !== verified.role ||
      state.courtId !== verified.courtId ||
      state.agencyId !== verified.agencyId ||
      (verified.jti !== null && state.revokedJtis.has(verified.jti))
    ) {
      throw invalid();
    }
    return {
      kind: 'user',
      id: verified.userId,
      role: verified.role,
      courtId: verified.courtId,
      agencyId: verified.agencyId,
      mfa: verified.mfa,
      credential: { type: 'bearer', jti: verified.jti, expiresAt: verified.expiresAt },
    };
  }

  private async session(request: FastifyRequest, sessionId: string, sameOriginSuffices: boolean): Promise<Principal> {
    const session = await this.sessions.open(sessionId, String(request.id));
    const state = await this.accounts.get(session.userId);
    if (!current(state, session.tokenVersion)) throw new Unauthenticated('The session has ended; sign in again.', 'InvalidSession');
    const principal: Principal = {
      kind: 'user',
      id: session.userId,
      role: state.role,
      courtId: state.courtId,
      agencyId: state.agencyId,
      mfa: session.mfa,
      credential: { type: 'session', idHash: session.idHash },
    };
    const sameOrigin = sameOriginSuffices && request.headers['sec-fetch-site'] === 'same-origin';
    if (!SAFE_METHODS.has(request.method) && !sameOrigin) {
      const header = request.headers[CSRF_HEADER];
      if (!this.sessions.csrfMatches(session, typeof header === 'string' ? header : undefined, request.cookies[CSRF_COOKIE])) {
        // Known by now, so the refusal is audited as this person's.
        (request as FastifyRequest & { principal?: Principal }).principal = principal;
        throw new Forbidden(
          'A change made with the session cookie must send the X-CSRF-Token header equal to the cmfc_csrf cookie.',
          'CsrfTokenInvalid',
        );
      }
    }
    return principal;
  }
}

function current(state: AccountState | null, tokenVersion: number): state is AccountState {
  return state !== null && !state.disabled && state.tokenVersion === tokenVersion;
}
