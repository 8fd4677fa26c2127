import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module.js';
import { CourtCalendarService } from './court-calendar.service.js';
import { DocketSignatureGuard } from './docket-signature.guard.js';
import { DocketController } from './docket.controller.js';
import { DocketService } from './docket.service.js';
import { HearingDocketService } from './hearing-docket.service.js';
import { HearingRequestsController } from './hearing-requests.controller.js';
import { HearingRequestsService } from './hearing-requests.service.js';

@Module({
  imports: [OrdersModule],
  controllers: [HearingRequestsController, DocketController],
  providers: [CourtCalendarService, HearingRequestsService, DocketService, HearingDocketService, DocketSignatureGuard],
  exports: [CourtCalendarService, HearingRequestsService, DocketService],
})
export class HearingsModule {}
