import { Body, Controller, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { sendPdf } from '../common/http/file-reply.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { CancelHearingDto, ListHearingRequestsQuery, ScheduleHearingDto } from './dto/hearings.dto.js';
import { HearingDocketService } from './hearing-docket.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ApiFileResponse } from '../common/openapi/api-file.decorator.js';
import { PageOf } from '../common/openapi/page.dto.js';
import { type Page } from '../common/pagination/pagination.js';
import { HearingRequestDto } from './dto/hearings-responses.dto.js';

@ApiTags('hearings')
@Controller('hearing-requests')
export class HearingRequestsController {
  constructor(
    @Inject(HearingDocketService)
    private readonly hearings: HearingDocketService,
  ) {}

  @Get()
  @Access('JUDGE', 'CLERK', 'ADMIN')
  @ApiOperation({ summary: 'List hearing requests' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: PageOf(HearingRequestDto) })
  list(@CurrentActor() actor: Actor, @Query() query: ListHearingRequestsQuery): Promise<Page<HearingRequestDto>> {
    return this.hearings.list(actor, query);
  }

  @Get(':id')
  @Access('ANY')
  @ApiOperation({ summary: 'A hearing request' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: HearingRequestDto })
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<HearingRequestDto> {
    return this.hearings.get(actor, id);
  }

  @Post(':id/schedule')
  @HttpCode(200)
  @Access('CLERK')
  @ApiOperation({ summary: 'Schedule the hearing (a day the court is closed is a 400)' })
  @ApiProblems(400, 404, [409, 'The request is cancelled'])
  @ApiOkResponse({ type: HearingRequestDto })
  schedule(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: ScheduleHearingDto): Promise<HearingRequestDto> {
    return this.hearings.schedule(actor, id, dto.scheduledFor, dto.courtroom);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Access('CLERK', 'JUDGE')
  @ApiOperation({ summary: 'Cancel the hearing request' })
  @ApiProblems(400, 404, [409, 'The request is already cancelled'])
  @ApiOkResponse({ type: HearingRequestDto })
  cancel(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: CancelHearingDto): Promise<HearingRequestDto> {
    return this.hearings.cancel(actor, id, dto.reason);
  }

  @Post(':id/docket-sync/retry')
  @HttpCode(200)
  @Access('CLERK')
  @ApiOperation({ summary: "Send the request's failed docket event again" })
  @ApiProblems(400, 404, [409, 'The request has no failed delivery to send again'])
  @ApiOkResponse({ type: HearingRequestDto })
  retry(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<HearingRequestDto> {
    return this.hearings.retryDocketSync(actor, id);
  }

  @Get(':id/notice.pdf')
  @Access('ANY')
  @ApiOperation({ summary: 'The notice of hearing as PDF' })
  @ApiProblems(400, 404, [409, 'The hearing is not scheduled'])
  @ApiFileResponse('The notice of hearing', 'application/pdf')
  async notice(@CurrentActor() actor: Actor, @UuidParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const pdf = await this.hearings.notice(actor, id);
    await sendPdf(reply, pdf, `notice-of-hearing-${id}.pdf`);
  }
}
