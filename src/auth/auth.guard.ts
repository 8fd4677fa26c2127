import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Forbidden, Unauthenticated } from '../common/errors/domain-error.js';
import { ACCESS_METADATA, type AccessRule } from './access.decorator.js';
import { ApiKeyService } from './api-key.service.js';
import type { Principal } from './principal.js';
import { TokenService } from './token.service.js';

/**
 * Global guard. Every route must declare `@Access(...)`; one that does not is
 * refused. Authenticates with a Bearer JWT or an `X-API-Key`, then checks the
 * role before any record is looked up (403), leaving tenant scope to the query.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(ApiKeyService) private readonly apiKeys: ApiKeyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (!rule) throw new Forbidden('This route declares no access rule.', 'NoAccessRule');
    if (rule.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    request.principal = await this.authenticate(request);
    if (rule.kind === 'roles' && !rule.roles.includes(request.principal.role)) {
      throw new Forbidden(`Only ${rule.roles.join(', ')} may do this.`);
    }
    return true;
  }

  private authenticate(request: FastifyRequest): Promise<Principal> {
    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw new Unauthenticated('Use "Authorization: Bearer <token>".', 'InvalidToken');
      return this.tokens.verify(match[1]);
    }
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey) return this.apiKeys.authenticate(apiKey);
    throw new Unauthenticated();
  }
}
