import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { sendFile } from '../common/http/file-reply.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { ApiFileResponse } from '../common/openapi/api-file.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { CertificatesOfServiceService } from './certificates-of-service.service.js';

@ApiTags('notifications')
@Controller()
export class CertificatesOfServiceController {
  constructor(@Inject(CertificatesOfServiceService) private readonly certificates: CertificatesOfServiceService) {}

  @Get('orders/:id/certificate-of-service.pdf')
  @Access('JUDGE', 'CLERK')
  @ApiOperation({ summary: 'The certificate of who was served a signed order, at what address and when (or why not)' })
  @ApiFileResponse('The certificate of service', 'application/pdf')
  @ApiProblems(400, 404, [409, 'The order is not signed, or is on no case'])
  async order(@CurrentActor() actor: Actor, @UuidParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendFile(reply, {
      contentType: 'application/pdf',
      body: await this.certificates.forOrder(actor, id),
      filename: `certificate-of-service-order-${id}.pdf`,
    });
  }

  @Get('hearing-requests/:id/certificate-of-service.pdf')
  @Access('JUDGE', 'CLERK')
  @ApiOperation({ summary: "The certificate of who was served a hearing's notice, at what address and when (or why not)" })
  @ApiFileResponse('The certificate of service', 'application/pdf')
  @ApiProblems(400, 404, [409, 'The hearing was never scheduled'])
  async hearing(@CurrentActor() actor: Actor, @UuidParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendFile(reply, {
      contentType: 'application/pdf',
      body: await this.certificates.forHearing(actor, id),
      filename: `certificate-of-service-hearing-${id}.pdf`,
    });
  }
}
