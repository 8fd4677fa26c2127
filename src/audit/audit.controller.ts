import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
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
  @ApiOperation({ summary: 'Recompute the audit hash chain' })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(): Promise<AuditVerificationDto> {
    return this.audit.verify();
  }
}
