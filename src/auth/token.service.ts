import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { Unauthenticated } from '../common/errors/domain-error.js';
import { ROLES, type Role } from './principal.js';

export const JWT_ISSUER = 'cmfc-court';
export const JWT_AUDIENCE = 'cmfc-court-api';

interface AccessClaims {
  sub: string;
  role: Role;
  courtId: string | null;
  agencyId: string | null;
  /** The user's token version when issued: a disable, role, tenant or password change moves it. */
  ver?: number;
  /** A second factor was proved at sign-in. */
  mfa?: boolean;
  jti?: string;
  exp?: number;
}

/** What a valid signature proves; whether the token still counts is AccountStateService's question. */
export interface VerifiedToken {
  userId: string;
  role: Role;
  courtId: string | null;
  agencyId: string | null;
  tokenVersion: number;
  mfa: boolean;
  jti: string | null;
  expiresAt: Date;
}

export interface TokenSubject {
  id: string;
  role: Role;
  courtId: string | null;
  agencyId: string | null;
  tokenVersion: number;
  mfa: boolean;
}

/**
 * Signatures already verified, until the token expires: a signed token cannot change, so checking
 * its signature again proves nothing new. Revocation is not decided here but on every request
 * (AccountStateService), so this cache never outlives a sign-out or a disabled account.
 */
const VERIFIED_CACHE_SIZE = 10_000;

/** HS256 access tokens: algorithm, expiry, issuer and audience are all checked (OWASP ASVS V9). */
@Injectable()
export class TokenService {
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.jwtTtlSeconds;
  }

  issue(user: TokenSubject): Promise<string> {
    const claims: AccessClaims = {
      sub: user.id,
      role: user.role,
      courtId: user.courtId,
      agencyId: user.agencyId,
      ver: user.tokenVersion,
      mfa: user.mfa,
    };
    return this.jwt.signAsync(claims, {
      algorithm: 'HS256',
      expiresIn: this.config.jwtTtlSeconds,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      jwtid: randomUUID(),
    });
  }

  async verify(token: string): Promise<VerifiedToken> {
    const cached = this.verified.get(token);
    if (cached) {
      if (cached.expiresAt.getTime() > Date.now()) return cached;
      this.verified.delete(token);
    }
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE });
    } catch {
      throw invalid();
    }
    if (typeof claims.sub !== 'string' || !(ROLES as readonly string[]).includes(claims.role) || typeof claims.exp !== 'number') {
      throw invalid();
    }
    const verified: VerifiedToken = {
      userId: claims.sub,
      role: claims.role,
      courtId: claims.courtId ?? null,
      agencyId: claims.agencyId ?? null,
      tokenVersion: typeof claims.ver === 'number' ? claims.ver : 0,
      mfa: claims.mfa === true,
      jti: typeof claims.jti === 'string' ? claims.jti : null,
      expiresAt: new Date(claims.exp * 1000),
    };
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, verified);
    return verified;
  }
}

export function invalid(): Unauthenticated {
  return new Unauthenticated('The access token is invalid or has expired.', 'InvalidToken');
}
