import { PREVIEW_CSP } from './rendering/order-html.renderer.js';
import { Body, Controller, Get, Headers, HttpCode, Inject, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { sendFile, sendPdf } from '../common/http/file-reply.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { CreateOrderDto, ListOrdersQuery, UpdateOrderDto, VacateOrderDto } from './dto/orders.dto.js';
import { OrderDocumentsService } from './order-documents.service.js';
import { OrderSigningService } from './order-signing.service.js';
import { OrdersService } from './orders.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ApiFileResponse } from '../common/openapi/api-file.decorator.js';
import { PageOf } from '../common/openapi/page.dto.js';
import { type Page } from '../common/pagination/pagination.js';
import { OrderDto } from './dto/orders-responses.dto.js';
import { orderEtag, viewVersion } from './order-etag.js';
import type { OrderView } from './order-view.js';

const ETAG_HEADER = { ETag: { description: 'The version of the order: send it back as If-Match', schema: { type: 'string' } } };
const IfMatch = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The ETag of the version read (or previewed); a draft changed since is refused with 412',
});

/** The order with the ETag of the version answered. */
function tagged(reply: FastifyReply, order: OrderView): OrderView {
  void reply.header('etag', orderEtag(viewVersion(order)));
  return order;
}

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(
    @Inject(OrdersService) private readonly orders: OrdersService,
    @Inject(OrderSigningService) private readonly signing: OrderSigningService,
    @Inject(OrderDocumentsService)
    private readonly documents: OrderDocumentsService,
  ) {}

  @Post()
  @Access('JUDGE', 'CLERK')
  @ApiOperation({ summary: "Draft an order from the court's template" })
  @ApiProblems(400, 404)
  @ApiCreatedResponse({ type: OrderDto, headers: ETAG_HEADER })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateOrderDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderDto> {
    return tagged(reply, await this.orders.create(actor, dto));
  }

  @Get()
  @Access('ANY')
  @ApiOperation({ summary: 'List the orders you may see' })
  @ApiProblems(400)
  @ApiOkResponse({ type: PageOf(OrderDto) })
  list(@CurrentActor() actor: Actor, @Query() query: ListOrdersQuery): Promise<Page<OrderDto>> {
    return this.orders.list(actor, query);
  }

  @Get(':id')
  @Access('ANY')
  @ApiOperation({ summary: 'An order' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: OrderDto, headers: ETAG_HEADER })
  async get(@CurrentActor() actor: Actor, @UuidParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<OrderDto> {
    return tagged(reply, await this.orders.get(actor, id));
  }

  @Patch(':id')
  @Access('JUDGE', 'CLERK')
  @ApiOperation({ summary: 'Change a draft order' })
  @IfMatch
  @ApiProblems(400, 404, [409, 'The order is no longer a draft'], [412, 'The draft changed since the version named by If-Match'])
  @ApiOkResponse({ type: OrderDto, headers: ETAG_HEADER })
  async update(
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Body() dto: UpdateOrderDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderDto> {
    return tagged(reply, await this.orders.update(actor, id, dto, ifMatch));
  }

  @Get(':id/pdf')
  @Access('ANY')
  @ApiFileResponse('The signed PDF as stored, or a draft rendered now with a DRAFT mark', 'application/pdf')
  @ApiOperation({ summary: 'The order as PDF: the signed bytes as stored, or a draft rendered now with a DRAFT mark' })
  @ApiProblems(400, 404)
  async pdf(@CurrentActor() actor: Actor, @UuidParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const { order, pdf } = await this.documents.pdf(actor, id);
    const name = order.orderNumber ? `order-${order.orderNumber}` : `order-${order.id}-draft`;
    await sendPdf(reply, pdf, `${name}.pdf`);
  }

  @Get(':id/preview')
  @Access('ANY')
  @ApiOperation({ summary: 'The order as HTML, the same text as the PDF' })
  @ApiProblems(400, 404)
  @ApiProduces('text/html')
  @ApiResponse({
    status: 200,
    description: 'HTML of the same text as the PDF; its ETag is the version rendered (sign with it)',
    content: { 'text/html': { schema: { type: 'string' } } },
    headers: ETAG_HEADER,
  })
  async preview(@CurrentActor() actor: Actor, @UuidParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const { html, etag } = await this.documents.preview(actor, id);
    void reply.header('etag', etag).header('content-security-policy', PREVIEW_CSP);
    await sendFile(reply, { contentType: 'text/html; charset=utf-8', body: html });
  }

  @Post(':id/sign')
  @HttpCode(200)
  @Access('JUDGE')
  @ApiOperation({ summary: 'Sign the order: it gets its number and its PDF is fixed' })
  @IfMatch
  @ApiProblems(
    400,
    404,
    [409, 'The order is already signed, superseded or vacated'],
    [412, 'The draft changed since the version named by If-Match (the one previewed)'],
  )
  @ApiOkResponse({ type: OrderDto, headers: ETAG_HEADER })
  async sign(
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderDto> {
    return tagged(reply, await this.signing.sign(actor, id, ifMatch));
  }

  @Post(':id/vacate')
  @HttpCode(200)
  @Access('JUDGE')
  @ApiOperation({ summary: 'Vacate a signed order' })
  @ApiProblems(400, 404, [409, 'The order is a draft or already vacated'])
  @ApiOkResponse({ type: OrderDto })
  vacate(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: VacateOrderDto): Promise<OrderDto> {
    return this.signing.vacate(actor, id, dto.reason);
  }
}
