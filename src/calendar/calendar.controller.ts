import { Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { sendFile } from '../common/http/file-reply.js';
import { ApiFileResponse } from '../common/openapi/api-file.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { CalendarService } from './calendar.service.js';

export class CalendarFeedDto {
  @ApiProperty({ example: 'https://court.example/calendar/3q2-aZ….ics', description: 'Secret: whoever holds it sees the court calendar' })
  url: string;
}

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(@Inject(CalendarService) private readonly calendar: CalendarService) {}

  @Post('auth/calendar-feed')
  @Access('JUDGE', 'CLERK')
  @ApiOperation({ summary: "A secret URL of your court's hearing calendar (iCalendar); asking again revokes the earlier one" })
  @ApiCreatedResponse({ type: CalendarFeedDto })
  issue(@CurrentActor() actor: Actor): Promise<CalendarFeedDto> {
    return this.calendar.issueFeed(actor);
  }

  @Get('calendar/:token.ics')
  @Access('PUBLIC')
  @ApiOperation({ summary: "The court's scheduled and recently cancelled hearings, for the holder of the secret URL" })
  @ApiFileResponse('iCalendar (RFC 5545)', 'text/calendar')
  @ApiProblems(400, [404, 'No such feed, or it was revoked, or its owner no longer works in that court'])
  async feed(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    await sendFile(reply, { contentType: 'text/calendar; charset=utf-8', body: await this.calendar.feed(token), filename: 'hearings.ics' });
  }
}
