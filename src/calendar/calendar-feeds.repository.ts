import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CalendarFeed } from './calendar-feed.entity.js';

/** The calendar_feeds table: one token hash per user. */
@Injectable()
export class CalendarFeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Sets the user's token, replacing (and so revoking) any earlier one. */
  async replace(manager: EntityManager, feed: { userId: string; courtId: string; tokenSha256: string }): Promise<void> {
    await manager.getRepository(CalendarFeed).upsert({ ...feed, createdAt: new Date() }, ['userId']);
  }

  byTokenHash(tokenSha256: string): Promise<CalendarFeed | null> {
    return this.dataSource.getRepository(CalendarFeed).findOneBy({ tokenSha256 });
  }
}
