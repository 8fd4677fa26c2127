import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { ApplicableOrderService } from './applicable-order.service.js';
import { DocumentRenderingService } from './document-rendering.service.js';
import { EpisodeOrderFactsRegistry } from './episode-order-facts.js';
import { EpisodeOrdersService } from './episode-orders.service.js';
import { orderEntities } from './entities/index.js';
import { OrderDocumentsService } from './order-documents.service.js';
import { OrderSigningService } from './order-signing.service.js';
import { OrderTemplatesController } from './order-templates/order-templates.controller.js';
import { OrderTemplatesRepository } from './order-templates/order-templates.repository.js';
import { OrderTemplatesService } from './order-templates/order-templates.service.js';
import { OrderVerificationController } from './order-verification.controller.js';
import { OrderVerificationService } from './order-verification.service.js';
import { OrdersController } from './orders.controller.js';
import { OrdersRepository } from './orders.repository.js';
import { OrdersService } from './orders.service.js';

/**
 * Court orders: templates, drafting, rendering, signing, verification.
 * Exports which order applies to an episode (ApplicableOrderService),
 * document rendering for the hearings and episodes modules, and the orders
 * repository for what the docket is told of a signed order.
 */
@Module({
  imports: [TypeOrmModule.forFeature(orderEntities), DirectoryModule, CasesModule],
  controllers: [OrderVerificationController, OrdersController, OrderTemplatesController],
  providers: [
    OrdersRepository,
    OrderTemplatesRepository,
    OrdersService,
    OrderSigningService,
    OrderDocumentsService,
    OrderVerificationService,
    OrderTemplatesService,
    ApplicableOrderService,
    DocumentRenderingService,
    EpisodeOrderFactsRegistry,
    EpisodeOrdersService,
  ],
  exports: [ApplicableOrderService, DocumentRenderingService, OrdersRepository, EpisodeOrderFactsRegistry],
})
export class OrdersModule {}
