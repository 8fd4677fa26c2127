import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { CasesService } from './cases.service.js';
import { CreateCaseDto, CreatePlacementDto, ListCasesQuery } from './dto/cases.dto.js';
import { PlacementsService } from './placements.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(PlacementsService) private readonly placements: PlacementsService,
  ) {}

  @Post()
  @Access('ADMIN', 'CLERK', 'JUDGE')
  @ApiOperation({ summary: 'Open a case with its child' })
  @ApiProblems(400, 404, [409, 'The docket number is already used in that court'])
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCaseDto) {
    return this.cases.create(actor, dto);
  }

  @Get()
  @Access('ANY')
  @ApiOperation({ summary: 'List the cases you may see' })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListCasesQuery) {
    return this.cases.list(actor, query);
  }

  @Get(':id')
  @Access('ANY')
  @ApiOperation({ summary: 'A case with its child' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.cases.get(actor, id);
  }

  @Post(':id/placements')
  @Access('ADMIN', 'CLERK')
  @ApiOperation({ summary: 'Place the child with an agency (ends the current placement)' })
  @ApiProblems(400, 404, 409)
  place(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: CreatePlacementDto) {
    return this.placements.create(actor, id, dto);
  }

  @Get(':id/placements')
  @Access('ANY')
  @ApiOperation({ summary: "The child's placements" })
  @ApiProblems(400, 404)
  listPlacements(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.placements.list(actor, id);
  }
}
