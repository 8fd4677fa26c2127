import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Access } from './access.decorator.js';
import { AuthService } from './auth.service.js';
import { CurrentActor } from './current-actor.decorator.js';
import { TokenRequestDto } from './dto/auth.dto.js';
import type { Actor } from './principal.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Post('token')
  @HttpCode(200)
  @Access('PUBLIC')
  // Per-address limit from LOGIN_RATE_LIMIT (see bootstrap.ts), on top of the per-account lockout.
  @RouteConfig({ rateLimit: {} })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address, or the account is locked' })
  token(@Body() dto: TokenRequestDto, @Req() request: FastifyRequest) {
    return this.auth.login(dto.email, dto.password, String(request.id));
  }

  @Get('me')
  @Access('ANY')
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }
}
