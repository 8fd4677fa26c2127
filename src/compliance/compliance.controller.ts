import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { CompliancePhotosQuery, ComplianceSummaryQuery } from './compliance.dto.js';
import { ComplianceService } from './compliance.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('compliance')
@Controller('compliance')
export class ComplianceController {
  constructor(@Inject(ComplianceService) private readonly compliance: ComplianceService) {}

  @Get('summary')
  @Access('JUDGE', 'CLERK', 'ADMIN')
  @ApiOperation({ summary: "Each agency's compliance with the orders over a period" })
  @ApiProblems(400, 404)
  summary(@CurrentActor() actor: Actor, @Query() query: ComplianceSummaryQuery) {
    return this.compliance.summary(actor, query);
  }

  @Get('photos')
  @Access('JUDGE', 'CLERK', 'ADMIN')
  @ApiOperation({ summary: "Children in current placements without a photo taken within the order's photoMaxAgeDays" })
  @ApiProblems(400, 404)
  photos(@CurrentActor() actor: Actor, @Query() query: CompliancePhotosQuery) {
    return this.compliance.photoGaps(actor, query.courtId);
  }
}
