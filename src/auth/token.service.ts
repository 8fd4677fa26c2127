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
/** Tokens already verified, until they expire: a signed token cannot change, so checking it again proves nothing new. */
const VERIFIED_CACHE_SIZE = 10_000;

@Injectable()
export class TokenService {
  private readonly verified = new Map<string, { principal: Principal; expiresAt: number }>();

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
    const cached = this.verified.get(token);
    if (cached) {
      if (cached.expiresAt > Date.now()) return cached.principal;
      this.verified.delete(token);
    }
    let claims: AccessClaims & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync<AccessClaims & { exp?: number }>(token, {
        algorithms: ['HS256'],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
      });
    } catch {
      throw new Unauthenticated('The access token is invalid or has expired.', 'InvalidToken');
    }
    if (typeof claims.sub !== 'string' || !(ROLES as readonly string[]).includes(claims.role) || typeof claims.exp !== 'number') {
      throw new Unauthenticated('The access token is invalid or has expired.', 'InvalidToken');
    }
    const principal: Principal = {
      kind: 'user',
      id: claims.sub,
      role: claims.role,
      courtId: claims.courtId ?? null,
      agencyId: claims.agencyId ?? null,
    };
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { principal, expiresAt: claims.exp * 1000 });
    return principal;
  }
}
