import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { PageQuery } from '../common/pagination/pagination.js';
import { CourtsService } from './courts.service.js';
import { CreateClosureDto, CreateCourtDto } from './dto/directory.dto.js';

@ApiTags('directory')
@Controller('courts')
export class CourtsController {
  constructor(@Inject(CourtsService) private readonly courts: CourtsService) {}

  @Post()
  @Access('ADMIN')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCourtDto) {
    return this.courts.create(actor, dto);
  }

  @Get()
  @Access('ANY')
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery) {
    return this.courts.list(actor, query.limit, query.cursor);
  }

  @Get(':id')
  @Access('ANY')
  get(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.courts.get(actor, id);
  }

  @Post(':id/closures')
  @Access('ADMIN', 'CLERK')
  addClosure(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: CreateClosureDto) {
    return this.courts.addClosure(actor, id, dto);
  }

  @Get(':id/closures')
  @Access('ANY')
  listClosures(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.courts.listClosures(actor, id);
  }
}
