import { Controller, Get, HttpStatus, Inject, Redirect, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../../common/config/config.module.js';
import type { AppConfig } from '../../common/config/app-config.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { Access } from '../access.decorator.js';
import { clearOidcCookie, OIDC_COOKIE, setOidcCookie, setSessionCookies } from '../cookies.js';
import { SignInOptionsDto } from '../dto/auth-responses.dto.js';
import { LoginThrottle } from '../login-throttle.js';
import { OidcService } from './oidc.service.js';
import { PENDING_OIDC_SECONDS } from './pending-oidc-logins.js';

/** Single sign-on with the court's OpenID Connect provider, and what the sign-in page offers. */
@ApiTags('auth')
@Controller('auth')
export class OidcController {
  constructor(
    @Inject(OidcService) private readonly oidc: OidcService,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Public: the sign-in page shows "Sign in with your court's account" when `oidcLoginUrl` is set. */
  @Get('sign-in-options')
  @Access('PUBLIC')
  @ApiOperation({ summary: 'How people may sign in here: password, and single sign-on when configured' })
  @ApiOkResponse({ type: SignInOptionsDto })
  options(): SignInOptionsDto {
    return { password: true, oidcLoginUrl: this.oidc.loginPath };
  }

  @Get('oidc/login')
  @Access('PUBLIC')
  @Redirect(undefined, HttpStatus.FOUND)
  @ApiOperation({ summary: "Single sign-on: sends the browser to the court's OpenID Connect provider" })
  @ApiProblems([404, 'No identity provider is configured'], [503, 'The identity provider cannot be reached'])
  @ApiFoundResponse({ description: "Redirect to the provider's authorization endpoint (PKCE, state, nonce); sets `cmfc_oidc`" })
  async login(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ url: string }> {
    const { redirectTo, pendingId } = await this.oidc.start();
    setOidcCookie(reply, pendingId, PENDING_OIDC_SECONDS, this.config.secureCookies);
    return { url: redirectTo };
  }

  @Get('oidc/callback')
  @Access('PUBLIC')
  @Redirect(undefined, HttpStatus.FOUND)
  @ApiOperation({ summary: 'Single sign-on: the provider sends the browser back here; signed in, it goes on to the web app' })
  @ApiProblems(
    [401, 'Wrong or reused state, wrong nonce, a refused code, no verified email, or no active user with that email'],
    [404, 'No identity provider is configured'],
    [429, 'Too many sign-in attempts from this address'],
  )
  @ApiFoundResponse({
    description:
      "Signed in: `Set-Cookie: cmfc_session` and `cmfc_csrf`, and a redirect to the web app. A browser (`Accept: text/html`) that could not be signed in is sent to the web app's `/sign-in?problem=<code>` instead of the 4xx",
  })
  async callback(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<{ url: string }> {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    clearOidcCookie(reply, this.config.secureCookies);
    try {
      await this.throttle.hit(request.ip);
      const { session } = await this.oidc.finish(request.cookies[OIDC_COOKIE], query, String(request.id));
      setSessionCookies(reply, session, this.config.secureCookies);
      return { url: this.oidc.appUrl };
    } catch (error) {
      // A person's browser goes back to the sign-in page, which says why in words; any other client gets the problem.
      if (!(error instanceof DomainError) || !acceptsHtml(request)) throw error;
      const signIn = new URL('sign-in', this.oidc.appUrl);
      signIn.searchParams.set('problem', error.code);
      return { url: signIn.href };
    }
  }
}

/** Whether the request comes from a browser navigating (its Accept names HTML), not from a script. */
function acceptsHtml(request: FastifyRequest): boolean {
  return /\btext\/html\b/.test(request.headers.accept ?? '');
}
