import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator.js';
import { RedisClient } from '../common/redis/redis.module.js';
import { LivenessDto, ReadinessDto } from './health-responses.dto.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(TypeOrmHealthIndicator) private readonly database: TypeOrmHealthIndicator,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(RedisClient) private readonly redis: RedisClient,
  ) {}

  /** Liveness: the process serves requests, whatever Redis or the database do. */
  @Get()
  @Access('PUBLIC')
  @ApiOperation({ summary: 'Liveness: the process serves requests' })
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Redis both answer; otherwise 503 with which one does not. */
  @Get('ready')
  @Access('PUBLIC')
  @ApiServiceUnavailableResponse({ type: ReadinessDto, description: 'The database or Redis does not answer' })
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis both answer' })
  @ApiOkResponse({ type: ReadinessDto, description: 'Both answer' })
  async ready(@Res() reply: FastifyReply): Promise<void> {
    try {
      const result = await this.health.check([
        () => this.database.pingCheck('database', { timeout: 2000 }),
        async () => {
          const redis = this.indicators.check('redis');
          return (await this.redis.ping()) ? redis.up() : redis.down('no answer');
        },
      ]);
      await reply.status(200).send(result);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      await reply.status(503).send(error.getResponse());
    }
  }
}
