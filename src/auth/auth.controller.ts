import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden } from '../common/errors/domain-error.js';
import { DASHBOARD_COOKIE, DASHBOARD_PATH } from '../outbox/queue-dashboard.js';
import { TokenService } from './token.service.js';
import { Access } from './access.decorator.js';
import { AuthService } from './auth.service.js';
import { CurrentActor } from './current-actor.decorator.js';
import { TokenRequestDto } from './dto/auth.dto.js';
import type { Actor } from './principal.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { UserDto } from '../directory/dto/directory-responses.dto.js';
import { ApiKeyCallerDto, TokenDto } from './dto/auth-responses.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  @Post('token')
  @HttpCode(200)
  @Access('PUBLIC')
  // Per-address limit from LOGIN_RATE_LIMIT (see bootstrap.ts), on top of the per-account lockout.
  @RouteConfig({ rateLimit: {} })
  @ApiOperation({ summary: 'Sign in: an access token for an email and password' })
  @ApiProblems(
    400,
    [401, 'Wrong email or password (the same answer for both), or the account is locked'],
    [429, 'Too many attempts from this address; see Retry-After'],
  )
  @ApiOkResponse({ type: TokenDto })
  token(@Body() dto: TokenRequestDto, @Req() request: FastifyRequest): Promise<TokenDto> {
    return this.auth.login(dto.email, dto.password, String(request.id));
  }

  /**
   * For a browser: sets the caller's token as an HttpOnly cookie scoped to the
   * queue dashboard (/admin/queues), which a page cannot send as a header.
   */
  @Post('dashboard-session')
  @HttpCode(204)
  @Access('ADMIN')
  @ApiOperation({ summary: 'Open the queue dashboard (/admin/queues) in this browser with an HttpOnly cookie' })
  @ApiNoContentResponse({ description: 'The cookie is set' })
  dashboardSession(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    const token = (/^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '') ?? [])[1];
    if (!token) throw new Forbidden('Open the dashboard session with a Bearer token.');
    const secure = request.protocol === 'https' ? '; Secure' : '';
    void reply.header(
      'set-cookie',
      `${DASHBOARD_COOKIE}=${encodeURIComponent(token)}; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${this.tokens.ttlSeconds}${secure}`,
    );
  }

  @Get('me')
  @Access('ANY')
  @ApiOperation({ summary: 'Who the caller is: the user, or the agency system of an API key' })
  @ApiExtraModels(UserDto, ApiKeyCallerDto)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(UserDto) }, { $ref: getSchemaPath(ApiKeyCallerDto) }] } })
  me(@CurrentActor() actor: Actor): Promise<UserDto | ApiKeyCallerDto> {
    return this.auth.me(actor);
  }
}
