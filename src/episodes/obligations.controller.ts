import { Body, Controller, Get, HttpCode, Inject, Post, Query, Res, UploadedFile } from '@nestjs/common';
import type { UploadedMultipartFile } from '@nestjs/platform-fastify';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { Upload } from '../common/http/upload.decorator.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { MAX_PDF_BYTES } from '../storage/accept-upload.js';
import { EvidenceDto, ListObligationsQuery, ReviewDto, WaiveDto } from './dto/episodes.dto.js';
import { EvidenceService } from './evidence.service.js';
import { ObligationsService } from './obligations.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('episodes')
@Controller()
export class ObligationsController {
  constructor(
    @Inject(ObligationsService)
    private readonly obligations: ObligationsService,
    @Inject(EvidenceService) private readonly evidence: EvidenceService,
  ) {}

  @Get('obligations')
  @Access('ANY')
  @ApiOperation({ summary: 'List obligations' })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListObligationsQuery) {
    return this.obligations.list(actor, query);
  }

  @Get('obligations/:id')
  @Access('ANY')
  @ApiOperation({ summary: 'An obligation' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.obligations.get(actor, id);
  }

  /** Proof as JSON, or multipart with the file (JPEG/PNG photos up to 10 MB, PDFs up to 20 MB). */
  @Post('obligations/:id/evidence')
  @Access('AGENCY', 'CLERK')
  @Upload('file', MAX_PDF_BYTES)
  @ApiBody({ type: EvidenceDto })
  @ApiOperation({ summary: 'Submit proof of an obligation (JSON, or multipart with the file)' })
  @ApiProblems(400, 404, [409, 'A proof awaits review, or the obligation is satisfied or waived'], 413, 415)
  submit(
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Body() dto: EvidenceDto,
    @UploadedFile() file: UploadedMultipartFile | undefined,
  ) {
    return this.evidence.submit(actor, id, dto, file);
  }

  @Get('obligations/:id/evidence')
  @Access('ANY')
  @ApiOperation({ summary: 'The proofs submitted for an obligation' })
  @ApiProblems(400, 404)
  listEvidence(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.evidence.listForObligation(actor, id);
  }

  @Post('obligations/:id/waive')
  @HttpCode(200)
  @Access('JUDGE')
  @ApiOperation({ summary: 'Waive an obligation' })
  @ApiProblems(400, 404, [409, 'A proof awaits review, or the obligation is satisfied or waived'])
  waive(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: WaiveDto) {
    return this.obligations.waive(actor, id, dto.reason);
  }

  @Get('evidence/:id')
  @Access('ANY')
  @ApiOperation({ summary: 'A proof' })
  @ApiProblems(400, 404)
  getEvidence(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.evidence.get(actor, id);
  }

  @Get('evidence/:id/file')
  @Access('ANY')
  @ApiOperation({ summary: 'The file of a proof (PDF or image)' })
  @ApiProblems(400, 404)
  async evidenceFile(@CurrentActor() actor: Actor, @UuidParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.evidence.file(actor, id);
    await reply
      .header('content-type', file.contentType)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `inline; filename="evidence-${id}"`)
      .send(file.bytes);
  }

  @Post('evidence/:id/review')
  @HttpCode(200)
  @Access('CLERK', 'JUDGE')
  @ApiOperation({ summary: 'Accept or reject a proof' })
  @ApiProblems(400, 404, [409, 'The proof was already reviewed'])
  review(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: ReviewDto) {
    return this.evidence.review(actor, id, dto);
  }
}
