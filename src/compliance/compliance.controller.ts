import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { CompliancePhotosQuery, ComplianceSummaryQuery } from './compliance.dto.js';
import { ComplianceService } from './compliance.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ComplianceSummaryDto, PhotoGapsDto } from './compliance-responses.dto.js';

@ApiTags('compliance')
@Controller('compliance')
export class ComplianceController {
  constructor(@Inject(ComplianceService) private readonly compliance: ComplianceService) {}

  @Get('summary')
  @Access('JUDGE', 'CLERK', 'ADMIN')
  @ApiOperation({ summary: "Each agency's compliance with the orders over a period" })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: ComplianceSummaryDto })
  summary(@CurrentActor() actor: Actor, @Query() query: ComplianceSummaryQuery): Promise<ComplianceSummaryDto> {
    return this.compliance.summary(actor, query);
  }

  @Get('photos')
  @Access('JUDGE', 'CLERK', 'ADMIN')
  @ApiOperation({ summary: "Children in current placements without a photo taken within the order's photoMaxAgeDays" })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: PhotoGapsDto })
  photos(@CurrentActor() actor: Actor, @Query() query: CompliancePhotosQuery): Promise<PhotoGapsDto> {
    return this.compliance.photoGaps(actor, query.courtId);
  }
}
