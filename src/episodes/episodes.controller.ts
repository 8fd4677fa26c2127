import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { ListEpisodesQuery, OpenEpisodeDto, RecoveryDto } from './dto/episodes.dto.js';
import { EpisodesService } from './episodes.service.js';

@ApiTags('episodes')
@Controller('episodes')
export class EpisodesController {
  constructor(@Inject(EpisodesService) private readonly episodes: EpisodesService) {}

  @Post()
  @Access('AGENCY', 'CLERK', 'JUDGE')
  open(@CurrentActor() actor: Actor, @Body() dto: OpenEpisodeDto) {
    return this.episodes.open(actor, dto);
  }

  @Get()
  @Access('ANY')
  list(@CurrentActor() actor: Actor, @Query() query: ListEpisodesQuery) {
    return this.episodes.list(actor, query);
  }

  @Get(':id')
  @Access('ANY')
  get(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.episodes.get(actor, id);
  }

  @Post(':id/recovery')
  @HttpCode(200)
  @Access('AGENCY', 'CLERK')
  recover(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: RecoveryDto) {
    return this.episodes.recover(actor, id, dto);
  }
}
