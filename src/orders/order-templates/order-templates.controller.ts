import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access.decorator.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import type { Actor } from '../../auth/principal.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { CreateOrderTemplateDto, ListOrderTemplatesQuery } from './dto/order-templates.dto.js';
import { OrderTemplatesService } from './order-templates.service.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { PageOf } from '../../common/openapi/page.dto.js';
import type { Page } from '../../common/pagination/pagination.js';
import { ListedOrderTemplateDto, OrderTemplateDetailDto, OrderTemplateDto } from './dto/order-templates-responses.dto.js';

@ApiTags('orders')
@Controller('order-templates')
export class OrderTemplatesController {
  constructor(
    @Inject(OrderTemplatesService)
    private readonly templates: OrderTemplatesService,
  ) {}

  @Get()
  @Access('ANY')
  @ApiOperation({ summary: 'List the order templates' })
  @ApiProblems(400)
  @ApiOkResponse({ type: PageOf(ListedOrderTemplateDto) })
  list(@CurrentActor() actor: Actor, @Query() query: ListOrderTemplatesQuery): Promise<Page<ListedOrderTemplateDto>> {
    return this.templates.list(actor, query);
  }

  @Get(':id')
  @Access('ANY')
  @ApiOperation({ summary: 'An order template with its body' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: OrderTemplateDetailDto })
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<OrderTemplateDetailDto> {
    return this.templates.get(actor, id);
  }

  /** A court's own version of a template kind: checked (syntax, variables, every deadline printed), then stored as the next version. */
  @Post()
  @Access('ADMIN')
  @ApiOperation({ summary: "Add a court's own version of a template kind (checked, then stored as the next version)" })
  @ApiProblems(400, 404)
  @ApiCreatedResponse({ type: OrderTemplateDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOrderTemplateDto): Promise<OrderTemplateDto> {
    return this.templates.create(actor, dto);
  }
}
