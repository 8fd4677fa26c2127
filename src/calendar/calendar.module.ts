import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsDataModule } from '../auth/accounts-data.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { HearingsModule } from '../hearings/hearings.module.js';
import { CalendarFeed } from './calendar-feed.entity.js';
import { CalendarFeedsRepository } from './calendar-feeds.repository.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';

/** The hearing calendar as an iCalendar subscription for judges and clerks (DESIGN §10). */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarFeed]), AccountsDataModule, CasesModule, DirectoryModule, HearingsModule],
  controllers: [CalendarController],
  providers: [CalendarFeedsRepository, CalendarService],
})
export class CalendarModule {}
