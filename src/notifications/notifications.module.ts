import { Module } from '@nestjs/common';
import { AccountsDataModule } from '../auth/accounts-data.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { HearingsModule } from '../hearings/hearings.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { CertificatesOfServiceController } from './certificates-of-service.controller.js';
import { CertificatesOfServiceService } from './certificates-of-service.service.js';
import { MailTransport, mailTransportFor } from './mail-transport.js';
import { NotificationDocuments } from './notification-documents.js';
import { NotificationFanOut } from './notification-fan-out.service.js';
import { NotificationSender } from './notification-sender.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

/**
 * E-mail to the people on a case (DESIGN §10). Other features write a
 * `notificationJob(event)` outbox row in the transaction of the change; the
 * worker (NotificationsProcessor, registered by WorkerModule) fans it out and
 * sends each message through the transport SMTP_URL chooses.
 */
@Module({
  imports: [AccountsDataModule, CasesModule, DirectoryModule, OrdersModule, HearingsModule],
  controllers: [NotificationsController, CertificatesOfServiceController],
  providers: [
    NotificationsRepository,
    NotificationsService,
    NotificationFanOut,
    NotificationSender,
    NotificationDocuments,
    CertificatesOfServiceService,
    { provide: MailTransport, inject: [APP_CONFIG], useFactory: (config: AppConfig) => mailTransportFor(config) },
  ],
  exports: [NotificationFanOut, NotificationSender, NotificationsRepository, MailTransport],
})
export class NotificationsModule {}
