import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { Unauthenticated } from '../common/errors/domain-error.js';
import { ROLES, type Principal, type Role } from './principal.js';

export const JWT_ISSUER = 'cmfc-court';
export const JWT_AUDIENCE = 'cmfc-court-api';

interface AccessClaims {
  sub: string;
  role: Role;
  courtId: string | null;
  agencyId: string | null;
}

/** HS256 access tokens: algorithm, expiry, issuer and audience are all checked (OWASP ASVS V9). */
@Injectable()
export class TokenService {
  constructor(
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.jwtTtlSeconds;
  }

  issue(user: { id: string; role: Role; courtId: string | null; agencyId: string | null }): Promise<string> {
    const claims: AccessClaims = { sub: user.id, role: user.role, courtId: user.courtId, agencyId: user.agencyId };
    return this.jwt.signAsync(claims, {
      algorithm: 'HS256',
      expiresIn: this.config.jwtTtlSeconds,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
  }

  async verify(token: string): Promise<Principal> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims & object>(token, {
        algorithms: ['HS256'],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
      });
    } catch {
      throw new Unauthenticated('The access token is invalid or has expired.', 'InvalidToken');
    }
    if (typeof claims.sub !== 'string' || !(ROLES as readonly string[]).includes(claims.role)) {
      throw new Unauthenticated('The access token is invalid or has expired.', 'InvalidToken');
    }
    return { kind: 'user', id: claims.sub, role: claims.role, courtId: claims.courtId ?? null, agencyId: claims.agencyId ?? null };
  }
}
