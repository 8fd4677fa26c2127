import { Body, Controller, Delete, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { AddParticipantDto } from './dto/participants.dto.js';
import { ParticipantsService } from './participants.service.js';

@ApiTags('cases')
@Controller('cases/:id/participants')
export class ParticipantsController {
  constructor(@Inject(ParticipantsService) private readonly participants: ParticipantsService) {}

  @Post()
  @Access('ADMIN', 'CLERK')
  add(@CurrentActor() actor: Actor, @UuidParam() caseId: string, @Body() dto: AddParticipantDto) {
    return this.participants.add(actor, caseId, dto);
  }

  @Get()
  @Access('ANY')
  list(@CurrentActor() actor: Actor, @UuidParam() caseId: string) {
    return this.participants.list(actor, caseId);
  }

  @Delete(':pid')
  @HttpCode(204)
  @Access('ADMIN', 'CLERK')
  async remove(@CurrentActor() actor: Actor, @UuidParam() caseId: string, @UuidParam('pid') participantId: string): Promise<void> {
    await this.participants.remove(actor, caseId, participantId);
  }
}
