import type { RedisOptions } from 'bullmq';

/** ioredis options from REDIS_URL (redis://user:pass@host:port/db, rediss:// for TLS). */
export function redisOptions(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * Reconnect quickly after an outage (every 0.2 s rising to 2 s) instead of
 * BullMQ's default, which backs off to 20 s: deadlines wait for Redis.
 */
export function reconnectSoon(attempt: number): number {
  return Math.min(attempt * 200, 2000);
}
