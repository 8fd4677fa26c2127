import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { ListEpisodesQuery, OpenEpisodeDto, RecoveryDto } from './dto/episodes.dto.js';
import { EpisodesService } from './episodes.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { PageOf } from '../common/openapi/page.dto.js';
import { type Page } from '../common/pagination/pagination.js';
import { EpisodeDto, EpisodeSummaryDto } from './dto/episodes-responses.dto.js';

@ApiTags('episodes')
@Controller('episodes')
export class EpisodesController {
  constructor(@Inject(EpisodesService) private readonly episodes: EpisodesService) {}

  @Post()
  @Access('AGENCY', 'CLERK', 'JUDGE')
  @ApiOperation({ summary: 'Report a child missing: opens the episode with its obligations and hearing requests' })
  @ApiProblems(400, 404, [409, 'The child already has an open episode'])
  @ApiCreatedResponse({ type: EpisodeDto })
  open(@CurrentActor() actor: Actor, @Body() dto: OpenEpisodeDto): Promise<EpisodeDto> {
    return this.episodes.open(actor, dto);
  }

  @Get()
  @Access('ANY')
  @ApiOperation({ summary: 'List episodes' })
  @ApiProblems(400)
  @ApiOkResponse({ type: PageOf(EpisodeSummaryDto) })
  list(@CurrentActor() actor: Actor, @Query() query: ListEpisodesQuery): Promise<Page<EpisodeSummaryDto>> {
    return this.episodes.list(actor, query);
  }

  @Get(':id')
  @Access('ANY')
  @ApiOperation({ summary: 'An episode with its obligations and hearing requests' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: EpisodeDto })
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<EpisodeDto> {
    return this.episodes.get(actor, id);
  }

  @Post(':id/recovery')
  @HttpCode(200)
  @Access('AGENCY', 'CLERK')
  @ApiOperation({ summary: 'Report the child recovered: adds the post-recovery obligations' })
  @ApiProblems(400, 404, [409, 'The episode is already recovered'])
  @ApiOkResponse({ type: EpisodeDto })
  recover(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: RecoveryDto): Promise<EpisodeDto> {
    return this.episodes.recover(actor, id, dto);
  }
}
