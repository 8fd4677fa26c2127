import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { APP_CONFIG } from '../../common/config/config.module.js';
import type { AppConfig, OidcConfig } from '../../common/config/app-config.js';
import { DomainError, NotFound, Unauthenticated } from '../../common/errors/domain-error.js';
import type { UserView } from '../users.repository.js';
import { LoginService } from '../login.service.js';
import { SessionService, type NewSession } from '../session.service.js';
import { PendingOidcLogins } from './pending-oidc-logins.js';

/** `amr` values (RFC 8176) that mean the provider checked a second factor or a hardware-bound key. */
const MULTI_FACTOR_AMR = new Set(['mfa', 'otp', 'hwk', 'swk', 'sc']);

export function providerDidMfa(amr: unknown): boolean {
  return Array.isArray(amr) && amr.some((value) => typeof value === 'string' && MULTI_FACTOR_AMR.has(value));
}

const failed = () => new Unauthenticated('Single sign-on did not complete; start again from the sign-in page.', 'OidcFailed');

/**
 * Single sign-on with the court's OpenID Connect provider (openid-client): the authorization code
 * flow with PKCE (S256), `state` and `nonce`, each made per sign-in and kept server-side until the
 * browser comes back. The provider's verified email signs in the existing active user.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private discovered: Promise<oidc.Configuration> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PendingOidcLogins) private readonly pending: PendingOidcLogins,
    @Inject(LoginService) private readonly login: LoginService,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  /** Where the web app's button points, or null when no provider is configured. */
  get loginPath(): string | null {
    return this.config.oidc ? '/api/v1/auth/oidc/login' : null;
  }

  /** Where a signed-in browser goes. */
  get appUrl(): string {
    return this.settings().appUrl;
  }

  /** The provider's authorization URL for a new sign-in, and the id of its pending login (for the cookie). */
  async start(): Promise<{ redirectTo: string; pendingId: string }> {
    const settings = this.settings();
    const configuration = await this.configuration(settings);
    const login = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
    const pendingId = await this.pending.put(login);
    const redirectTo = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUrl,
      scope: 'openid email',
      state: login.state,
      nonce: login.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(login.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { redirectTo: redirectTo.href, pendingId };
  }

  /**
   * The browser is back with the provider's answer (`callbackUrl`, as the provider sent it): the
   * code is exchanged with the verifier, the state and nonce must be this browser's own, and the
   * verified email names the user. Any failure is a 401.
   */
  async finish(
    pendingId: string | undefined,
    callbackQuery: string,
    requestId: string,
  ): Promise<{ session: NewSession; user: UserView; mfaEnrolmentRequired: boolean }> {
    const settings = this.settings();
    const configuration = await this.configuration(settings);
    const login = pendingId ? await this.pending.take(pendingId) : null;
    if (!login) {
      await this.login.failed(null, requestId, 'oidc_no_pending_login');
      throw failed();
    }
    const current = new URL(settings.redirectUrl);
    current.search = callbackQuery;
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      claims = { ...idToken };
      if (typeof claims.email !== 'string') {
        claims = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...idToken };
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'single sign-on refused');
      await this.login.failed(null, requestId, 'oidc_invalid');
      throw failed();
    }
    if (typeof claims.email !== 'string' || claims.email_verified !== true) {
      await this.login.failed(null, requestId, 'oidc_email_unverified');
      throw new Unauthenticated('The identity provider did not give a verified email address.', 'OidcNoAccount');
    }
    return this.sessions.signedIn(await this.login.signInVerifiedEmail(claims.email, providerDidMfa(claims.amr), requestId), 'oidc');
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw new NotFound('single sign-on (no OIDC_ISSUER_URL configured)');
    return this.config.oidc;
  }

  /** Discovery once, on first use (a provider that is down at start does not stop the service); retried after a failure. */
  private configuration(settings: OidcConfig): Promise<oidc.Configuration> {
    this.discovered ??= oidc
      .discovery(
        new URL(settings.issuerUrl),
        settings.clientId,
        undefined,
        oidc.ClientSecretBasic(settings.clientSecret),
        // http: issuers are refused in production by the configuration; elsewhere (a test provider) they are allowed.
        new URL(settings.issuerUrl).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.discovered = null;
        this.logger.warn({ err: error }, 'OpenID Connect discovery failed');
        throw new DomainError('unavailable', 'SingleSignOnUnavailable', 'Single sign-on is unavailable right now; try again shortly.');
      });
    return this.discovered;
  }
}
