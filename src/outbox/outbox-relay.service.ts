import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { OUTBOX_CHANNEL, OutboxRepository } from './outbox.repository.js';
import { ALL_QUEUES, DEFAULT_JOB_OPTIONS, type QueueName } from './queues.js';
import { reconnectSoon, redisOptions } from './redis-connection.js';
import { logRedisErrors } from './redis-outage-log.js';

const BATCH = 200;
const MAX_ROW_ATTEMPTS = 5;

/** Errors that mean "Redis cannot be reached now", as opposed to "this job is wrong". */
function isOutage(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  const message = String((error as Error).message ?? '');
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(code) ||
    /Connection is closed|Stream isn't writeable|enableOfflineQueue|max retries per request|MaxRetriesPerRequest|connect ETIMEDOUT|Command timed out|LOADING|READONLY/i.test(
      message,
    )
  );
}
const POLL_MS = 1000;

/**
 * Moves outbox rows to BullMQ. Woken by NOTIFY at commit and by a one-second
 * poll (for rows written while nothing listened, or while Redis was down).
 * Rows are claimed with SKIP LOCKED, so any number of workers can relay.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private queues = new Map<QueueName, Queue>();
  private listener: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private redisDown = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OutboxRepository) private readonly outbox: OutboxRepository,
  ) {}

  onApplicationBootstrap(): void {
    // Its own producer connection whose commands fail after one reconnect attempt while Redis is away,
    // instead of waiting in memory. (With enableOfflineQueue off, BullMQ cannot connect at all.)
    const connection = {
      ...redisOptions(this.config.redisUrl),
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      // A Redis that accepts the connection but never answers must not hold the outbox rows' locks.
      commandTimeout: 5000,
      retryStrategy: reconnectSoon,
    };
    for (const name of ALL_QUEUES) {
      const queue = new Queue(name, {
        connection,
        prefix: this.config.queuePrefix,
        skipWaitingForReady: true,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      logRedisErrors(`Relay:${name}`, queue);
      this.queues.set(name, queue);
    }
    void this.listen();
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
    await Promise.all([...this.queues.values()].map((queue) => queue.close().catch(() => undefined)));
  }

  /** Runs a relay pass now, or right after the one in progress. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.publishBatch()) === BATCH) {
        // keep going while full batches come back
      }
    } catch (error) {
      this.logger.error({ err: error }, 'outbox relay pass failed');
    }
  }

  /** Publishes up to one batch; returns how many rows were published. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.outbox.claim(manager, BATCH);
      const published: string[] = [];
      for (const row of rows) {
        const queue = this.queues.get(row.queue);
        try {
          if (!queue) throw new Error(`unknown queue ${row.queue}`);
          await queue.add(row.name, row.payload, {
            ...row.options,
            jobId: row.jobId,
            delay: Math.max(0, row.runAt.getTime() - Date.now()),
          });
          published.push(row.id);
        } catch (error) {
          const message = String((error as Error).message).slice(0, 500);
          if (isOutage(error)) {
            // Redis is away: leave this and later rows for the next pass.
            if (!this.redisDown) this.logger.warn({ err: error }, 'cannot reach Redis; outbox rows will wait');
            this.redisDown = true;
            await this.outbox.recordOutage(manager, row.id, message);
            break;
          }
          // The row itself is refused: retry it a few times, then set it aside so it blocks nothing.
          this.logger.error(
            {
              err: error,
              outboxId: row.id,
              queue: row.queue,
              job: row.name,
            },
            'outbox row refused by the queue',
          );
          await this.outbox.recordRefusal(manager, row.id, message, MAX_ROW_ATTEMPTS);
        }
      }
      if (published.length > 0) {
        if (this.redisDown) this.logger.log('Redis is back; relaying outbox rows');
        this.redisDown = false;
        await this.outbox.markPublished(manager, published);
      }
      return published.length;
    });
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.config.databaseUrl,
      application_name: 'cmfc-outbox-listener',
    });
    client.on('notification', () => this.wake());
    client.on('error', () => {
      this.listener = null;
      void client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), 1000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
      if (this.stopped) await client.end();
    } catch {
      setTimeout(() => void this.listen(), 1000).unref();
    }
  }
}
