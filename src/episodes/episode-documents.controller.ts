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
import { EpisodeDocumentsService } from './episode-documents.service.js';

@ApiTags('episodes')
@Controller('episodes')
export class EpisodeDocumentsController {
  constructor(@Inject(EpisodeDocumentsService) private readonly documents: EpisodeDocumentsService) {}

  @Get(':id/report-packet.pdf')
  @Access('AGENCY', 'CLERK', 'JUDGE')
  @ApiOperation({ summary: 'Everything law enforcement and NCMEC ask for, with the latest photo (not for publication)' })
  @ApiFileResponse('The report packet', 'application/pdf')
  @ApiProblems(400, 404)
  async reportPacket(@CurrentActor() actor: Actor, @UuidParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendFile(reply, {
      contentType: 'application/pdf',
      body: await this.documents.reportPacket(actor, id),
      filename: `report-packet-${id}.pdf`,
    });
  }

  @Get(':id/poster.pdf')
  @Access('AGENCY', 'CLERK', 'JUDGE')
  @ApiOperation({ summary: 'The publishable missing-child poster: never says the child is in care' })
  @ApiFileResponse('The poster', 'application/pdf')
  @ApiProblems(400, 404, [409, 'The child has been recovered, or the order does not authorize releasing the photo'])
  async poster(@CurrentActor() actor: Actor, @UuidParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendFile(reply, {
      contentType: 'application/pdf',
      body: await this.documents.poster(actor, id),
      filename: `missing-poster-${id}.pdf`,
    });
  }
}
