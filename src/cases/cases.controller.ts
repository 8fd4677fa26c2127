import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { CasesService } from './cases.service.js';
import { CreateCaseDto, CreatePlacementDto, ListCasesQuery } from './dto/cases.dto.js';
import { PlacementsService } from './placements.service.js';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(PlacementsService) private readonly placements: PlacementsService,
  ) {}

  @Post()
  @Access('ADMIN', 'CLERK', 'JUDGE')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCaseDto) {
    return this.cases.create(actor, dto);
  }

  @Get()
  @Access('ANY')
  list(@CurrentActor() actor: Actor, @Query() query: ListCasesQuery) {
    return this.cases.list(actor, query);
  }

  @Get(':id')
  @Access('ANY')
  get(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.cases.get(actor, id);
  }

  @Post(':id/placements')
  @Access('ADMIN', 'CLERK')
  place(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: CreatePlacementDto) {
    return this.placements.create(actor, id, dto);
  }

  @Get(':id/placements')
  @Access('ANY')
  listPlacements(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.placements.list(actor, id);
  }
}
