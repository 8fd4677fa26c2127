import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { CourtCalendarService } from './court-calendar.service.js';
import { DocketEventsRepository } from './docket-events.repository.js';
import { DocketSignatureGuard } from './docket-signature.guard.js';
import { DocketController } from './docket.controller.js';
import { DocketService } from './docket.service.js';
import { DocketCallback } from './entities/docket-callback.entity.js';
import { DocketEvent } from './entities/docket-event.entity.js';
import { HearingRequest } from './entities/hearing-request.entity.js';
import { HearingDocketService } from './hearing-docket.service.js';
import { HearingRequestsController } from './hearing-requests.controller.js';
import { HearingRequestsRepository } from './hearing-requests.repository.js';
import { HearingRequestsService } from './hearing-requests.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([HearingRequest, DocketEvent, DocketCallback]), OrdersModule, DirectoryModule, CasesModule],
  controllers: [HearingRequestsController, DocketController],
  providers: [
    HearingRequestsRepository,
    DocketEventsRepository,
    CourtCalendarService,
    HearingRequestsService,
    DocketService,
    HearingDocketService,
    DocketSignatureGuard,
  ],
  exports: [CourtCalendarService, HearingRequestsService, DocketService, HearingDocketService, HearingRequestsRepository],
})
export class HearingsModule {}
