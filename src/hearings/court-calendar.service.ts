import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CourtsService } from '../directory/courts.service.js';
import type { CourtCalendarInput } from './court-calendar.js';

/** A court's calendar (time zone, state, closures) from the directory, for the pure court-day functions. */
@Injectable()
export class CourtCalendarService {
  constructor(@Inject(CourtsService) private readonly courts: CourtsService) {}

  load(manager: EntityManager, courtId: string): Promise<CourtCalendarInput> {
    return this.courts.calendar(courtId, manager);
  }
}
