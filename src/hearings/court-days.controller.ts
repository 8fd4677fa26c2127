import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { CourtsService } from '../directory/courts.service.js';
import { CourtCalendarService } from './court-calendar.service.js';
import { closedBecause } from './court-calendar.js';
import { CourtDaysQuery, CourtMonthDto } from './dto/court-days.dto.js';

/** A court's month of court days, for the hearing calendar: the same rule that refuses a hearing on a closed day. */
@ApiTags('hearings')
@Controller('courts')
export class CourtDaysController {
  constructor(
    @Inject(CourtsService) private readonly courts: CourtsService,
    @Inject(CourtCalendarService) private readonly calendars: CourtCalendarService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get(':id/court-days')
  @Access('ANY')
  @ApiOperation({ summary: 'Which days of a month the court sits, and why it does not on the others (weekend, public holiday, closure)' })
  @ApiOkResponse({ type: CourtMonthDto })
  @ApiProblems(400, 404)
  async month(@CurrentActor() actor: Actor, @UuidParam() id: string, @Query() query: CourtDaysQuery): Promise<CourtMonthDto> {
    const court = await this.courts.get(actor, id);
    const calendar = await this.calendars.load(this.dataSource.manager, court.id);
    const first = DateTime.fromISO(`${query.month}-01`, { zone: court.timezone });
    const days = Array.from({ length: first.daysInMonth ?? 31 }, (_, i) => {
      const date = first.plus({ days: i }).toISODate()!;
      const reason = closedBecause(date, calendar);
      return { date, open: reason === null, closedBecause: reason };
    });
    return { courtId: court.id, month: query.month, timezone: court.timezone, days };
  }
}
