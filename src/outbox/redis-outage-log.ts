import { Logger } from '@nestjs/common';

const QUIET_MS = 60_000;

/**
 * BullMQ queues and workers emit an error for every failed reconnect while
 * Redis is away. Without a listener each one is printed; this logs the first
 * and then at most one a minute per source.
 */
export function logRedisErrors(source: string, emitter: { on(event: 'error', listener: (error: Error) => void): unknown }): void {
  const logger = new Logger(source);
  let last = 0;
  emitter.on('error', (error: Error) => {
    const now = Date.now();
    if (now - last < QUIET_MS) return;
    last = now;
    logger.warn({ err: error }, 'Redis error (work waits in PostgreSQL until Redis answers)');
  });
}
