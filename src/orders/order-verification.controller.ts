import { Controller, Get, HttpCode, Inject, Post, Query, UploadedFile } from '@nestjs/common';
import { RouteConfig, type UploadedMultipartFile } from '@nestjs/platform-fastify';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { Upload } from '../common/http/upload.decorator.js';
import { MAX_VERIFIED_PDF_BYTES } from '../storage/accept-upload.js';
import { VerifyOrderQuery, VerifyUploadDto } from './dto/orders.dto.js';
import { OrderVerificationService } from './order-verification.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { VerificationDto } from './dto/orders-responses.dto.js';

/** No login, so each address gets 60 checks a minute (429 after): enough for a person, not for a crawler. */
const PUBLIC_RATE_LIMIT = { rateLimit: { max: 60, timeWindow: 60_000 } };

/** Anyone holding an order (a police officer, NCMEC, a school) can check it with the court, without logging in. */
@ApiTags('orders')
@Controller('orders/verify')
export class OrderVerificationController {
  constructor(
    @Inject(OrderVerificationService)
    private readonly verification: OrderVerificationService,
  ) {}

  @Get()
  @Access('PUBLIC')
  @RouteConfig(PUBLIC_RATE_LIMIT)
  @ApiOperation({ summary: 'Verify an order by the SHA-256 of its PDF or its verification code (no login)' })
  @ApiProblems(400, [429, 'More than 60 checks a minute from this address'])
  @ApiOkResponse({ type: VerificationDto })
  byHash(@Query() query: VerifyOrderQuery): Promise<VerificationDto> {
    return this.verification.byQuery(query);
  }

  @Post()
  @HttpCode(200)
  @Access('PUBLIC')
  @RouteConfig(PUBLIC_RATE_LIMIT)
  @Upload('file', MAX_VERIFIED_PDF_BYTES, 'head')
  @ApiBody({ type: VerifyUploadDto })
  @ApiOperation({ summary: 'Verify an order by uploading its PDF (no login)' })
  @ApiProblems(400, 413, 415, [429, 'More than 60 checks a minute from this address'])
  @ApiOkResponse({ type: VerificationDto })
  byFile(@UploadedFile() file: UploadedMultipartFile | undefined): Promise<VerificationDto> {
    return this.verification.byFile(file);
  }
}
