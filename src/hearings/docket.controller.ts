import { Body, Controller, Get, HttpCode, Inject, Post, Query, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { DocketSignatureGuard } from './docket-signature.guard.js';
import { DocketService } from './docket.service.js';
import { DocketCallbackDto, ListDocketEventsQuery } from './dto/hearings.dto.js';
import { HearingDocketService } from './hearing-docket.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { PageOf } from '../common/openapi/page.dto.js';
import { type Page } from '../common/pagination/pagination.js';
import { DocketEventDto, HearingRequestDto } from './dto/hearings-responses.dto.js';

@ApiTags('hearings')
@Controller('docket')
export class DocketController {
  constructor(
    @Inject(HearingDocketService)
    private readonly hearings: HearingDocketService,
    @Inject(DocketService) private readonly docket: DocketService,
  ) {}

  /** The CMS set a hearing. No login: the request is signed with DOCKET_WEBHOOK_SECRET (401 otherwise). */
  @Post('callbacks')
  @HttpCode(200)
  @Access('PUBLIC')
  @UseGuards(DocketSignatureGuard)
  @ApiHeader({
    name: 'X-Docket-Timestamp',
    description: 'Unix seconds; at most five minutes off',
  })
  @ApiHeader({
    name: 'X-Docket-Signature',
    description: 'sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>',
  })
  @ApiOperation({ summary: 'The case-management system reports the hearing it set (signed like the webhook)' })
  @ApiProblems(400, [401, 'The signature is missing, wrong, or more than five minutes old'], 404, [
    409,
    'This eventId was already received, or the request is cancelled',
  ])
  @ApiOkResponse({ type: HearingRequestDto })
  callback(@Body() dto: DocketCallbackDto): Promise<HearingRequestDto> {
    return this.hearings.applyCallback(dto);
  }

  /** Events sent (or not) to the case-management system, newest first; `status=FAILED` is the clerk's list to resend. */
  @Get('events')
  @Access('CLERK', 'JUDGE', 'ADMIN')
  @ApiOperation({ summary: 'Docket events sent (or not) to the case-management system, newest first' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: PageOf(DocketEventDto), description: 'Newest first, a page at a time' })
  events(@CurrentActor() actor: Actor, @Query() query: ListDocketEventsQuery): Promise<Page<DocketEventDto>> {
    return this.docket.list(actor, query);
  }

  @Post('events/:id/retry')
  @HttpCode(200)
  @Access('CLERK', 'ADMIN')
  @ApiOperation({ summary: 'Send a failed docket event again' })
  @ApiProblems(400, 404, [409, 'Only a FAILED event can be sent again'])
  @ApiOkResponse({ type: DocketEventDto })
  retry(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<DocketEventDto> {
    return this.docket.resend(actor, id);
  }
}
