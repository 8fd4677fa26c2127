import { Body, Controller, Get, HttpCode, Inject, Post, Query, Res, UploadedFile } from '@nestjs/common';
import type { UploadedMultipartFile } from '@nestjs/platform-fastify';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { Upload } from '../common/http/upload.decorator.js';
import { sendFile } from '../common/http/file-reply.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { MAX_PDF_BYTES } from '../storage/accept-upload.js';
import { EvidenceDto, ListObligationsQuery, ReviewDto, WaiveDto } from './dto/episodes.dto.js';
import { EvidenceService } from './evidence.service.js';
import { ObligationsService } from './obligations.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ApiFileResponse } from '../common/openapi/api-file.decorator.js';
import { PageOf } from '../common/openapi/page.dto.js';
import { type Page, PageQuery } from '../common/pagination/pagination.js';
import { ObligationDto, ProofDto } from './dto/episodes-responses.dto.js';

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

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
  @ApiOkResponse({ type: PageOf(ObligationDto) })
  list(@CurrentActor() actor: Actor, @Query() query: ListObligationsQuery): Promise<Page<ObligationDto>> {
    return this.obligations.list(actor, query);
  }

  @Get('obligations/:id')
  @Access('ANY')
  @ApiOperation({ summary: 'An obligation' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: ObligationDto })
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<ObligationDto> {
    return this.obligations.get(actor, id);
  }

  /** Proof as JSON, or multipart with the file (JPEG/PNG photos up to 10 MB, PDFs up to 20 MB). */
  @Post('obligations/:id/evidence')
  @Access('AGENCY', 'CLERK')
  @Upload('file', MAX_PDF_BYTES)
  @ApiBody({ type: EvidenceDto })
  @ApiOperation({ summary: 'Submit proof of an obligation (JSON, or multipart with the file)' })
  @ApiProblems(400, 404, [409, 'A proof awaits review, or the obligation is satisfied or waived'], 413, 415)
  @ApiCreatedResponse({ type: ProofDto })
  submit(
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Body() dto: EvidenceDto,
    @UploadedFile() file: UploadedMultipartFile | undefined,
  ): Promise<ProofDto> {
    return this.evidence.submit(actor, id, dto, file);
  }

  @Get('obligations/:id/evidence')
  @Access('ANY')
  @ApiOperation({ summary: 'The proofs submitted for an obligation' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: PageOf(ProofDto) })
  listEvidence(@CurrentActor() actor: Actor, @UuidParam() id: string, @Query() query: PageQuery): Promise<Page<ProofDto>> {
    return this.evidence.listForObligation(actor, id, query);
  }

  @Post('obligations/:id/waive')
  @HttpCode(200)
  @Access('JUDGE')
  @ApiOperation({ summary: 'Waive an obligation' })
  @ApiProblems(400, 404, [409, 'A proof awaits review, or the obligation is satisfied or waived'])
  @ApiOkResponse({ type: ObligationDto })
  waive(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: WaiveDto): Promise<ObligationDto> {
    return this.obligations.waive(actor, id, dto.reason);
  }

  @Get('evidence/:id')
  @Access('ANY')
  @ApiOperation({ summary: 'A proof' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: ProofDto })
  getEvidence(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<ProofDto> {
    return this.evidence.get(actor, id);
  }

  @Get('evidence/:id/file')
  @Access('ANY')
  @ApiOperation({ summary: 'The file of a proof (PDF or image)' })
  @ApiProblems(400, 404)
  @ApiFileResponse('The file as stored', 'application/pdf', 'image/jpeg', 'image/png')
  async evidenceFile(@CurrentActor() actor: Actor, @UuidParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.evidence.file(actor, id);
    await sendFile(reply, {
      contentType: file.contentType,
      body: file.bytes,
      filename: `evidence-${id}.${EXTENSIONS[file.contentType] ?? 'bin'}`,
      byteSize: file.byteSize,
      disposition: 'attachment',
    });
  }

  @Post('evidence/:id/review')
  @HttpCode(200)
  @Access('CLERK', 'JUDGE')
  @ApiOperation({
    summary: 'Accept or reject a proof',
    description: 'Four eyes: a proof is reviewed by someone other than its submitter; a self-review is a 403 (code `OwnProofReview`).',
  })
  @ApiProblems(400, 404, [409, 'The proof was already reviewed'])
  @ApiOkResponse({ type: ProofDto })
  review(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: ReviewDto): Promise<ProofDto> {
    return this.evidence.review(actor, id, dto);
  }
}
