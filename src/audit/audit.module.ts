import { Global, Module } from '@nestjs/common';
import { AuditEventsRepository } from './audit-events.repository.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditController } from './audit.controller.js';
import { DENIAL_AUDIT } from '../common/errors/denial-audit.js';
import { AuditService } from './audit.service.js';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditEventsRepository, AuditService, AuditQueryService, { provide: DENIAL_AUDIT, useExisting: AuditService }],
  exports: [AuditService, DENIAL_AUDIT],
})
export class AuditModule {}
