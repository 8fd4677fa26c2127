import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { RateLimited } from '../common/errors/domain-error.js';
import { RedisClient } from '../common/redis/redis.module.js';

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Sign-in attempts per client address (AUTH_THROTTLE_LIMIT, the address as TRUST_PROXY says) and
 * per account (AUTH_ACCOUNT_THROTTLE_LIMIT, by email, known or not, so it tells nothing), each per
 * AUTH_THROTTLE_TTL_SECONDS, across every sign-in route (token, session, single sign-on) and replica:
 * per route, an address would get the limit once per route; per address alone, a botnet spreads its
 * guesses. Counted in Redis; with Redis away the attempt goes through and the account lockout in
 * PostgreSQL still holds.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RedisClient) private readonly client: RedisClient,
  ) {}

  /** Counts an attempt from the address, and for the account when the email is known yet; 429 past a limit. */
  async hit(address: string, email?: string): Promise<void> {
    await this.count(`login-address:${digest(address)}`, this.config.authThrottleLimit, 'from this address');
    if (email !== undefined) {
      await this.count(`login-account:${digest(email.trim().toLowerCase())}`, this.config.authAccountThrottleLimit, 'for this account');
    }
  }

  private async count(name: string, limit: number, what: string): Promise<void> {
    const key = `${this.config.queuePrefix}:${name}`;
    let count: number;
    let ttlMs: number;
    try {
      const result = (await this.client.redis
        .multi()
        .incr(key)
        .pexpire(key, this.config.authThrottleTtlSeconds * 1000, 'NX')
        .pttl(key)
        .exec()) as Array<[Error | null, number]> | null;
      if (!result) return;
      count = result[0][1];
      ttlMs = result[2][1];
    } catch {
      return;
    }
    if (count > limit) {
      const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
      throw new RateLimited('TooManyRequests', `Too many sign-in attempts ${what}; retry in ${seconds} seconds.`, seconds);
    }
  }
}
