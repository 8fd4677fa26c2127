import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CourtCalendarInput } from './court-calendar.js';

/** Loads a court's calendar (time zone, state, closures) for the pure court-day functions. */
@Injectable()
export class CourtCalendarService {
  async load(manager: EntityManager, courtId: string): Promise<CourtCalendarInput> {
    const [court] = (await manager.query(`SELECT timezone, state FROM courts WHERE id = $1`, [courtId])) as Array<{
      timezone: string;
      state: string;
    }>;
    // A year and a half of closures is more than any request looks ahead.
    const closures = (await manager.query(
      `SELECT date::text AS date FROM court_closures WHERE court_id = $1 AND date >= current_date - 7 AND date <= current_date + 550`,
      [courtId],
    )) as Array<{ date: string }>;
    return {
      timezone: court.timezone,
      state: court.state.trim(),
      closures: new Set(closures.map((c) => c.date)),
    };
  }
}
