import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { CompliancePhotosQuery, ComplianceSummaryQuery } from './compliance.dto.js';
import { ComplianceService } from './compliance.service.js';
import { sendFile } from '../common/http/file-reply.js';
import { ApiFileResponse } from '../common/openapi/api-file.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { complianceCsv } from './compliance-csv.js';
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

  @Get('summary.csv')
  @Access('JUDGE', 'CLERK', 'ADMIN')
  @ApiOperation({ summary: 'The compliance summary as CSV, one row per agency and obligation type' })
  @ApiFileResponse('RFC 4180 CSV with a header row', 'text/csv')
  @ApiProblems(400, 404)
  async summaryCsv(@CurrentActor() actor: Actor, @Query() query: ComplianceSummaryQuery, @Res() reply: FastifyReply): Promise<void> {
    const summary = await this.compliance.summary(actor, query);
    await sendFile(reply, {
      contentType: 'text/csv; charset=utf-8',
      body: complianceCsv(summary),
      filename: `compliance-${summary.from}-to-${summary.to}.csv`,
    });
  }

  @Get('photos')
  @Access('JUDGE', 'CLERK', 'ADMIN')
  @ApiOperation({ summary: "Children in current placements without a photo taken within the order's photoMaxAgeDays" })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: PhotoGapsDto })
  photos(@CurrentActor() actor: Actor, @Query() query: CompliancePhotosQuery): Promise<PhotoGapsDto> {
    return this.compliance.photoGaps(actor, query);
  }
}
