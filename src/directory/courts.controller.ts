import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { type Page, PageQuery } from '../common/pagination/pagination.js';
import { CourtsService } from './courts.service.js';
import { CreateClosureDto, CreateCourtDto } from './dto/directory.dto.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ListOf, PageOf } from '../common/openapi/page.dto.js';
import { ClosureDto, CourtDto, JudgeDto } from './dto/directory-responses.dto.js';

@ApiTags('directory')
@Controller('courts')
export class CourtsController {
  constructor(@Inject(CourtsService) private readonly courts: CourtsService) {}

  @Post()
  @Access('ADMIN')
  @ApiOperation({ summary: 'Create a court' })
  @ApiProblems(400)
  @ApiCreatedResponse({ type: CourtDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCourtDto): Promise<CourtDto> {
    return this.courts.create(actor, dto);
  }

  @Get()
  @Access('ANY')
  @ApiOperation({ summary: 'List courts' })
  @ApiProblems(400)
  @ApiOkResponse({ type: PageOf(CourtDto) })
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<CourtDto>> {
    return this.courts.list(actor, query.limit, query.cursor);
  }

  @Get(':id')
  @Access('ANY')
  @ApiOperation({ summary: 'A court' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: CourtDto })
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<CourtDto> {
    return this.courts.get(actor, id);
  }

  @Post(':id/closures')
  @Access('ADMIN', 'CLERK')
  @ApiOperation({ summary: 'Close the court on a day (besides weekends and public holidays)' })
  @ApiProblems(400, 404, [409, 'The court is already closed that day'])
  @ApiCreatedResponse({ type: ClosureDto })
  addClosure(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: CreateClosureDto): Promise<ClosureDto> {
    return this.courts.addClosure(actor, id, dto);
  }

  @Get(':id/closures')
  @Access('ANY')
  @ApiOperation({ summary: "The court's closures" })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: PageOf(ClosureDto) })
  listClosures(@CurrentActor() actor: Actor, @UuidParam() id: string, @Query() query: PageQuery): Promise<Page<ClosureDto>> {
    return this.courts.listClosures(actor, id, query);
  }

  @Get(':id/judges')
  @Access('ADMIN', 'CLERK', 'JUDGE')
  @ApiOperation({ summary: "The court's judges, to assign a new case to" })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: ListOf(JudgeDto) })
  listJudges(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<{ items: JudgeDto[] }> {
    return this.courts.listJudges(actor, id);
  }
}
