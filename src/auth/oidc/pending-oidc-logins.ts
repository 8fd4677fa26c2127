import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG } from '../../common/config/config.module.js';
import type { AppConfig } from '../../common/config/app-config.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { RedisClient } from '../../common/redis/redis.module.js';
import { hashSecret } from '../session.service.js';

/** What the callback must see again: the values sent with the browser to the provider. */
export interface PendingOidcLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** A sign-in has ten minutes at the provider. */
export const PENDING_OIDC_SECONDS = 600;

/**
 * Sign-ins sent to the identity provider and not back yet, in Redis (every replica sees them) under
 * the hash of a random id that only the browser holds (an HttpOnly cookie). Each is taken once.
 */
@Injectable()
export class PendingOidcLogins {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RedisClient) private readonly client: RedisClient,
  ) {}

  /** Keeps the login; the id for the browser's cookie. */
  async put(login: PendingOidcLogin): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    try {
      await this.client.redis.set(this.key(id), JSON.stringify(login), 'EX', PENDING_OIDC_SECONDS);
    } catch {
      throw new DomainError('unavailable', 'SingleSignOnUnavailable', 'Single sign-on is unavailable right now; try again shortly.');
    }
    return id;
  }

  /** The login behind the cookie, removed as it is read; null when unknown, used or expired. */
  async take(id: string): Promise<PendingOidcLogin | null> {
    let value: string | null;
    try {
      value = await this.client.redis.getdel(this.key(id));
    } catch {
      throw new DomainError('unavailable', 'SingleSignOnUnavailable', 'Single sign-on is unavailable right now; try again shortly.');
    }
    return value ? (JSON.parse(value) as PendingOidcLogin) : null;
  }

  private key(id: string): string {
    return `${this.config.queuePrefix}:oidc-login:${hashSecret(id)}`;
  }
}
