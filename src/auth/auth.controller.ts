import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { Forbidden } from '../common/errors/domain-error.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ApiKeyCallerDto, MeDto, SessionDto, TokenDto } from './dto/auth-responses.dto.js';
import { Access, DuringMfaEnrolment } from './access.decorator.js';
import { AuthService } from './auth.service.js';
import { clearSessionCookies, setSessionCookies } from './cookies.js';
import { CurrentActor } from './current-actor.decorator.js';
import { ChangePasswordDto, SessionRequestDto, TokenRequestDto } from './dto/auth.dto.js';
import type { SignInAttempt } from './login.service.js';
import type { Actor } from './principal.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('token')
  @HttpCode(200)
  @Access('PUBLIC')
  @ApiOperation({ summary: 'Sign in: an access token for an email and password' })
  @ApiProblems(
    400,
    [401, 'Wrong email or password, or a locked account (the same answer for all); `MfaRequired` / `MfaInvalid` for the second factor'],
    [429, 'Too many attempts from this address or for this account; see Retry-After'],
  )
  @ApiOkResponse({ type: TokenDto })
  token(@Body() dto: TokenRequestDto, @Req() request: FastifyRequest): Promise<TokenDto> {
    return this.auth.token(attemptOf(dto, request));
  }

  /** For browsers: the session cookie (HttpOnly) and the CSRF cookie the page echoes in `X-CSRF-Token`. */
  @Post('session')
  @HttpCode(200)
  @Access('PUBLIC')
  @ApiOperation({ summary: 'Sign a browser in: the session cookie and the CSRF cookie' })
  @ApiProblems(
    400,
    [401, 'Wrong email or password, or a locked account (the same answer for all); `MfaRequired` / `MfaInvalid` for the second factor'],
    [429, 'Too many attempts from this address or for this account; see Retry-After'],
  )
  @ApiOkResponse({ type: SessionDto, description: 'Signed in; `Set-Cookie: cmfc_session` (HttpOnly) and `cmfc_csrf`' })
  async createSession(
    @Body() dto: SessionRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    const { session, user, mfaEnrolmentRequired } = await this.auth.session(attemptOf(dto, request));
    setSessionCookies(reply, session, this.config.secureCookies);
    return { user, mfaEnrolmentRequired };
  }

  @Delete('session')
  @HttpCode(204)
  @Access('ANY')
  @DuringMfaEnrolment()
  @ApiOperation({ summary: 'Sign the browser out: the session ends at once' })
  @ApiNoContentResponse({ description: 'Signed out; both cookies cleared' })
  async endSession(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (actor.credential?.type !== 'session')
      throw new Forbidden('This ends a browser session; a Bearer token signs out with POST /auth/logout.');
    await this.auth.logout(actor);
    clearSessionCookies(reply, this.config.secureCookies);
  }

  /** The access token (or session) of this request stops working at once, on every replica. */
  @Post('logout')
  @HttpCode(204)
  @Access('ANY')
  @DuringMfaEnrolment()
  @ApiOperation({ summary: 'Sign out: this access token stops working at once, on every replica' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(actor);
    if (actor.credential?.type === 'session') clearSessionCookies(reply, this.config.secureCookies);
  }

  @Post('password')
  @HttpCode(204)
  @Access('ADMIN', 'JUDGE', 'CLERK', 'AGENCY')
  @ApiOperation({ summary: "Change one's password: the other sessions and tokens end" })
  @ApiProblems(400)
  @ApiNoContentResponse({ description: 'Changed; the other sessions and tokens have ended' })
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  @Get('me')
  @Access('ANY')
  @ApiOperation({ summary: 'Who the caller is: the user, or the agency system of an API key' })
  @DuringMfaEnrolment()
  @ApiExtraModels(MeDto, ApiKeyCallerDto)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(MeDto) }, { $ref: getSchemaPath(ApiKeyCallerDto) }] } })
  me(@CurrentActor() actor: Actor): Promise<MeDto | ApiKeyCallerDto> {
    return this.auth.me(actor);
  }
}

/** A password sign-in: the body, and the client's address (as TRUST_PROXY says) for the per-address limit. */
function attemptOf(dto: TokenRequestDto, request: FastifyRequest): SignInAttempt {
  return { email: dto.email, password: dto.password, totp: dto.totp, requestId: String(request.id), address: request.ip };
}
