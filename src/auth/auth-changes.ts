import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { RedisClient } from '../common/redis/redis.module.js';

/** What changed: a user's tokens and sessions, or one session. */
export type AuthChange = { kind: 'user'; id: string } | { kind: 'session'; idHash: string };

/**
 * Tells every replica at once that a user's state or a session changed, so their caches drop it
 * before the next request (Redis pub/sub). The caches never keep anything longer than
 * AUTH_STATE_CACHE_MS either, so a lost message (Redis away) delays a revocation by seconds at most.
 */
@Injectable()
export class AuthChangeBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AuthChangeBus.name);
  private readonly listeners: Array<(change: AuthChange) => void> = [];
  private readonly channel: string;
  private subscriber: Redis | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RedisClient) private readonly client: RedisClient,
  ) {
    this.channel = `${config.queuePrefix}:auth-changes`;
  }

  onModuleInit(): void {
    const subscriber = new Redis(this.config.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: null,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    subscriber.on('error', () => undefined);
    subscriber.on('message', (_channel: string, message: string) => this.deliver(decode(message)));
    subscriber.subscribe(this.channel).catch(() => undefined);
    subscriber.connect().catch(() => undefined);
    this.subscriber = subscriber;
  }

  onChange(listener: (change: AuthChange) => void): void {
    this.listeners.push(listener);
  }

  /** Drops the change from this replica's caches now, and from the others' as soon as Redis carries it. */
  async publish(change: AuthChange): Promise<void> {
    this.deliver(change);
    try {
      await this.client.redis.publish(this.channel, change.kind === 'user' ? `u:${change.id}` : `s:${change.idHash}`);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not broadcast an auth change; other replicas see it when their cache expires');
    }
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }

  private deliver(change: AuthChange | null): void {
    if (!change) return;
    for (const listener of this.listeners) listener(change);
  }
}

function decode(message: string): AuthChange | null {
  if (message.startsWith('u:')) return { kind: 'user', id: message.slice(2) };
  if (message.startsWith('s:')) return { kind: 'session', idHash: message.slice(2) };
  return null;
}
