import { Module } from '@nestjs/common';
import { ApplicableOrderService } from './applicable-order.service.js';
import { DocumentRenderingService } from './document-rendering.service.js';
import { OrderDocumentsService } from './order-documents.service.js';
import { OrderSigningService } from './order-signing.service.js';
import { OrderTemplatesController } from './order-templates/order-templates.controller.js';
import { OrderTemplatesService } from './order-templates/order-templates.service.js';
import { OrderVerificationController } from './order-verification.controller.js';
import { OrderVerificationService } from './order-verification.service.js';
import { OrdersController } from './orders.controller.js';
import { OrdersService } from './orders.service.js';

/**
 * Court orders: templates, drafting, rendering, signing, verification.
 * Exports which order applies to an episode (ApplicableOrderService) and
 * document rendering for the hearings and episodes modules.
 */
@Module({
  controllers: [OrderVerificationController, OrdersController, OrderTemplatesController],
  providers: [
    OrdersService,
    OrderSigningService,
    OrderDocumentsService,
    OrderVerificationService,
    OrderTemplatesService,
    ApplicableOrderService,
    DocumentRenderingService,
  ],
  exports: [ApplicableOrderService, DocumentRenderingService],
})
export class OrdersModule {}
