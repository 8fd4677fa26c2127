import { Body, Controller, Delete, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ListOf } from '../common/openapi/page.dto.js';
import { AddParticipantDto } from './dto/participants.dto.js';
import { ParticipantsService } from './participants.service.js';
import { ParticipantDto } from './dto/cases-responses.dto.js';

@ApiTags('cases')
@Controller('cases/:id/participants')
export class ParticipantsController {
  constructor(@Inject(ParticipantsService) private readonly participants: ParticipantsService) {}

  @Post()
  @Access('ADMIN', 'CLERK')
  @ApiOperation({ summary: 'Add a participant to the case (GAL, attorney, CASA, probation officer...)' })
  @ApiProblems(400, 404, [409, 'This person already has that role on the case'])
  @ApiCreatedResponse({ type: ParticipantDto })
  add(@CurrentActor() actor: Actor, @UuidParam() caseId: string, @Body() dto: AddParticipantDto): Promise<ParticipantDto> {
    return this.participants.add(actor, caseId, dto);
  }

  @Get()
  @Access('ANY')
  @ApiOperation({ summary: "The case's current participants" })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: ListOf(ParticipantDto) })
  list(@CurrentActor() actor: Actor, @UuidParam() caseId: string): Promise<{ items: ParticipantDto[] }> {
    return this.participants.list(actor, caseId);
  }

  @Delete(':pid')
  @HttpCode(204)
  @Access('ADMIN', 'CLERK')
  @ApiOperation({ summary: 'Remove a participant from the case (kept on the record of who was served)' })
  @ApiProblems(400, 404)
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(@CurrentActor() actor: Actor, @UuidParam() caseId: string, @UuidParam('pid') participantId: string): Promise<void> {
    await this.participants.remove(actor, caseId, participantId);
  }
}
