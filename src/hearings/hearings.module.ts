import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { CourtDaysController } from './court-days.controller.js';
import { CourtCalendarService } from './court-calendar.service.js';
import { DocketEventsRepository } from './docket-events.repository.js';
import { DocketSignatureGuard } from './docket-signature.guard.js';
import { DocketController } from './docket.controller.js';
import { BuiltInDocket } from './built-in-docket.adapter.js';
import { DOCKET_ADAPTER } from './docket-adapter.js';
import { DocketService } from './docket.service.js';
import { WebhookDocket } from './webhook-docket.adapter.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { DocketEvent } from './entities/docket-event.entity.js';
import { HearingRequest } from './entities/hearing-request.entity.js';
import { HearingDocketService } from './hearing-docket.service.js';
import { HearingRequestsController } from './hearing-requests.controller.js';
import { HearingRequestsRepository } from './hearing-requests.repository.js';
import { HearingRequestsService } from './hearing-requests.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([HearingRequest, DocketEvent]), OrdersModule, DirectoryModule, CasesModule],
  controllers: [HearingRequestsController, DocketController, CourtDaysController],
  providers: [
    HearingRequestsRepository,
    DocketEventsRepository,
    CourtCalendarService,
    HearingRequestsService,
    DocketService,
    BuiltInDocket,
    WebhookDocket,
    {
      // The docket adapter: the webhook when DOCKET_WEBHOOK_URL is set, else the built-in docket.
      provide: DOCKET_ADAPTER,
      inject: [APP_CONFIG, BuiltInDocket, WebhookDocket],
      useFactory: (config: AppConfig, builtIn: BuiltInDocket, webhook: WebhookDocket) => (config.docketWebhookUrl ? webhook : builtIn),
    },
    HearingDocketService,
    DocketSignatureGuard,
  ],
  exports: [CourtCalendarService, HearingRequestsService, DocketService, DOCKET_ADAPTER, HearingDocketService, HearingRequestsRepository],
})
export class HearingsModule {}
