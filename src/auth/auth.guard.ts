import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { Forbidden } from '../common/errors/domain-error.js';
import { ACCESS_METADATA, MFA_ENROLMENT_METADATA, type AccessRule } from './access.decorator.js';
import { Authenticator } from './authenticator.service.js';
import type { Principal } from './principal.js';

/**
 * Global guard. Every route must declare `@Access(...)`; one that does not is
 * refused. Authenticates with a Bearer JWT, an `X-API-Key` or the session
 * cookie, then checks the role before any record is looked up (403), leaving
 * tenant scope to the query. A person whose role needs a second factor and
 * who has not proved one may only enrol (`@DuringMfaEnrolment()` routes).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(Authenticator) private readonly authenticator: Authenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, targets);
    if (!rule) throw new Forbidden('This route declares no access rule.', 'NoAccessRule');
    if (rule.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const principal = await this.authenticator.authenticate(request);
    request.principal = principal;
    if (needsMfaEnrolment(principal, this.config) && !this.reflector.getAllAndOverride<boolean>(MFA_ENROLMENT_METADATA, targets)) {
      throw new Forbidden('Your role requires a second factor: enrol TOTP (POST /api/v1/auth/mfa/totp) first.', 'MfaEnrolmentRequired');
    }
    if (rule.kind === 'roles' && !rule.roles.includes(principal.role)) {
      throw new Forbidden(`Only ${rule.roles.join(', ')} may do this.`);
    }
    return true;
  }
}

/** A person whose role is in MFA_REQUIRED_ROLES and whose token or session proved no second factor. */
export function needsMfaEnrolment(principal: Principal, config: AppConfig): boolean {
  return principal.kind === 'user' && !principal.mfa && config.mfaRequiredRoles.includes(principal.role);
}
