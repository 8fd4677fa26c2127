import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { CasesService } from './cases.service.js';
import { CreateCaseDto, CreatePlacementDto, ListCasesQuery } from './dto/cases.dto.js';
import { PlacementsService } from './placements.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { PageOf } from '../common/openapi/page.dto.js';
import { type Page, PageQuery } from '../common/pagination/pagination.js';
import { CaseDto, PlacementDto } from './dto/cases-responses.dto.js';

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
  @ApiCreatedResponse({ type: CaseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCaseDto): Promise<CaseDto> {
    return this.cases.create(actor, dto);
  }

  @Get()
  @Access('ANY')
  @ApiOperation({ summary: 'List the cases you may see' })
  @ApiProblems(400)
  @ApiOkResponse({ type: PageOf(CaseDto) })
  list(@CurrentActor() actor: Actor, @Query() query: ListCasesQuery): Promise<Page<CaseDto>> {
    return this.cases.list(actor, query);
  }

  @Get(':id')
  @Access('ANY')
  @ApiOperation({ summary: 'A case with its child' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: CaseDto })
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<CaseDto> {
    return this.cases.get(actor, id);
  }

  @Post(':id/placements')
  @Access('ADMIN', 'CLERK')
  @ApiOperation({ summary: 'Place the child with an agency (ends the current placement)' })
  @ApiProblems(400, 404, 409)
  @ApiCreatedResponse({ type: PlacementDto })
  place(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: CreatePlacementDto): Promise<PlacementDto> {
    return this.placements.create(actor, id, dto);
  }

  @Get(':id/placements')
  @Access('ANY')
  @ApiOperation({ summary: "The child's placements" })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: PageOf(PlacementDto) })
  listPlacements(@CurrentActor() actor: Actor, @UuidParam() id: string, @Query() query: PageQuery): Promise<Page<PlacementDto>> {
    return this.placements.list(actor, id, query);
  }
}
