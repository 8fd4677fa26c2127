import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { ALL_QUEUES } from './queues.js';
import { logRedisErrors } from './redis-outage-log.js';

/** Attaches a quiet error listener to every registered queue (see logRedisErrors). */
@Injectable()
export class QueueErrorListener implements OnModuleInit {
  constructor(@Inject(ModuleRef) private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of ALL_QUEUES) logRedisErrors(`Queue:${name}`, this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
  }
}
