import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { RateLimited } from '../common/errors/domain-error.js';
import { RedisClient } from '../common/redis/redis.module.js';

/**
 * Sign-in attempts per account (by email, known or not, so it tells nothing), across every address
 * and replica: the per-address limit alone lets a botnet spread its guesses. Counted in Redis; with
 * Redis away the attempt goes through and the account lockout in PostgreSQL still holds.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RedisClient) private readonly client: RedisClient,
  ) {}

  async hit(email: string): Promise<void> {
    const key = `${this.config.queuePrefix}:login-account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
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
    if (count > this.config.authAccountThrottleLimit) {
      const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
      throw new RateLimited('TooManyRequests', `Too many sign-in attempts for this account; retry in ${seconds} seconds.`, seconds);
    }
  }
}
