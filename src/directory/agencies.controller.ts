import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { ApiKeyService } from '../auth/api-key.service.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { type Page, PageQuery } from '../common/pagination/pagination.js';
import { AgenciesService } from './agencies.service.js';
import { CreateAgencyDto, CreateApiKeyDto } from './dto/directory.dto.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ListOf, PageOf } from '../common/openapi/page.dto.js';
import { AgencyDto, ApiKeyDto, IssuedApiKeyDto } from './dto/directory-responses.dto.js';

@ApiTags('directory')
@Controller('agencies')
export class AgenciesController {
  constructor(
    @Inject(AgenciesService) private readonly agencies: AgenciesService,
    @Inject(ApiKeyService) private readonly apiKeys: ApiKeyService,
  ) {}

  @Post()
  @Access('ADMIN')
  @ApiOperation({ summary: 'Create an agency' })
  @ApiProblems(400)
  @ApiCreatedResponse({ type: AgencyDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAgencyDto): Promise<AgencyDto> {
    return this.agencies.create(actor, dto);
  }

  @Get()
  @Access('ANY')
  @ApiOperation({ summary: 'List agencies' })
  @ApiProblems(400)
  @ApiOkResponse({ type: PageOf(AgencyDto) })
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<AgencyDto>> {
    return this.agencies.list(actor, query.limit, query.cursor);
  }

  @Get(':id')
  @Access('ANY')
  @ApiOperation({ summary: 'An agency' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: AgencyDto })
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<AgencyDto> {
    return this.agencies.get(actor, id);
  }

  /** The key is in this answer only; it is stored hashed. */
  @Post(':id/api-keys')
  @Access('ADMIN')
  @ApiOperation({ summary: "Issue an API key for the agency's system (the key is in this answer only)" })
  @ApiProblems(400, 404)
  @ApiCreatedResponse({ type: IssuedApiKeyDto })
  async createApiKey(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: CreateApiKeyDto): Promise<IssuedApiKeyDto> {
    const agency = await this.agencies.get(actor, id);
    return this.apiKeys.create(actor, agency.id, dto.name, dto.expiresAt);
  }

  /** Every key of the agency with its prefix, expiry, last use and revocation; never the key. */
  @Get(':id/api-keys')
  @Access('ADMIN')
  @ApiOperation({ summary: "The agency's API keys (never the key itself)" })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: ListOf(ApiKeyDto) })
  async listApiKeys(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<{ items: ApiKeyDto[] }> {
    const agency = await this.agencies.get(actor, id);
    return { items: await this.apiKeys.list(agency.id) };
  }

  /** The key stops working on its next request. */
  @Delete(':id/api-keys/:keyId')
  @HttpCode(204)
  @Access('ADMIN')
  @ApiOperation({ summary: 'Revoke an API key: it stops working at once' })
  @ApiProblems(400, 404)
  @ApiNoContentResponse({ description: 'Revoked (or already revoked)' })
  async revokeApiKey(@CurrentActor() actor: Actor, @UuidParam() id: string, @UuidParam('keyId') keyId: string): Promise<void> {
    const agency = await this.agencies.get(actor, id);
    await this.apiKeys.revoke(actor, agency.id, keyId);
  }
}
