import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { ComplianceController } from './compliance.controller.js';
import { ComplianceRepository } from './compliance.repository.js';
import { ComplianceService } from './compliance.service.js';

@Module({
  imports: [CasesModule, DirectoryModule, OrdersModule],
  controllers: [ComplianceController],
  providers: [ComplianceRepository, ComplianceService],
})
export class ComplianceModule {}
