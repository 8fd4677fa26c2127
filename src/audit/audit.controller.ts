import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min, ValidateIf } from 'class-validator';
import { Access } from '../common/http/access.decorator.js';
import { CurrentActor } from '../common/http/current-actor.decorator.js';
import type { Actor } from '../common/principal.js';
import { type Page, PageQuery } from '../common/pagination/pagination.js';
import { OptionalUuid } from '../common/validation/validators.js';
import { AuditQueryService } from './audit-query.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { PageOf } from '../common/openapi/page.dto.js';
import { AuditEventDto, AuditVerificationDto } from './audit-responses.dto.js';

class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'child', description: 'lower snake case: child, case, photo, order, episode, ...' })
  @IsOptional()
  @Matches(/^[a-z][a-z_]{0,39}$/, { message: 'entityType must be lower snake case, such as child or hearing_request' })
  entityType?: string;

  @OptionalUuid()
  entityId?: string;
}

/** Events checked in one call at most: a pass over a long log is a walk along `nextFrom`. */
const MAX_VERIFY = 100_000;

class VerifyQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1, description: 'The first event (seq) to check: 1, or the nextFrom of the previous call' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  from: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_VERIFY, default: 10_000, description: 'How many events to check in this call' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERIFY)
  limit: number = 10_000;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'With checkpointHash: the `head.seq` an earlier verification answered, kept outside the database',
  })
  @ValidateIf((q: VerifyQuery) => q.checkpointSeq !== undefined || q.checkpointHash !== undefined)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  checkpointSeq?: number;

  @ApiPropertyOptional({ description: 'With checkpointSeq: the `head.hash` of that answer (64 hex digits)' })
  @ValidateIf((q: VerifyQuery) => q.checkpointSeq !== undefined || q.checkpointHash !== undefined)
  @Matches(/^[0-9a-f]{64}$/, { message: 'must be the 64 hex digits of a head hash' })
  checkpointHash?: string;
}

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(@Inject(AuditQueryService) private readonly audit: AuditQueryService) {}

  @Get()
  @Access('ADMIN', 'JUDGE', 'CLERK')
  @ApiOperation({ summary: 'Audit events, newest first' })
  @ApiProblems(400)
  @ApiOkResponse({ type: PageOf(AuditEventDto) })
  list(@CurrentActor() actor: Actor, @Query() query: AuditQuery): Promise<Page<AuditEventDto>> {
    return this.audit.list(actor, query);
  }

  @Get('verify')
  @Access('ADMIN')
  @ApiOperation({
    summary: 'Recompute the audit chain, a range at a time',
    description:
      'Checks up to `limit` events from `from` on (each link and HMAC). Follow `nextFrom` until it is null; the call that reaches ' +
      'the end also checks the chain head and answers it (`head`). The log is intact when every call answered `valid: true`. ' +
      'Rows cut from the end with the head moved back to the new last row would still verify, so keep the `head` of each ' +
      'verification outside the database and pass it back later as `checkpointSeq` and `checkpointHash`: the chain must still hold it.',
  })
  @ApiProblems(400)
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(@CurrentActor() actor: Actor, @Query() query: VerifyQuery): Promise<AuditVerificationDto> {
    return this.audit.verify(actor, query);
  }
}
