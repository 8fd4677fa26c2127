import { Controller, Get, HttpCode, Inject, Post, Query, UploadedFile } from '@nestjs/common';
import type { UploadedMultipartFile } from '@nestjs/platform-fastify';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { Upload } from '../common/http/upload.decorator.js';
import { MAX_PDF_BYTES } from '../storage/accept-upload.js';
import { VerifyOrderQuery, VerifyUploadDto } from './dto/orders.dto.js';
import { OrderVerificationService } from './order-verification.service.js';

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
  byHash(@Query() query: VerifyOrderQuery) {
    return this.verification.byQuery(query);
  }

  @Post()
  @HttpCode(200)
  @Access('PUBLIC')
  @Upload('file', MAX_PDF_BYTES)
  @ApiBody({ type: VerifyUploadDto })
  byFile(@UploadedFile() file: UploadedMultipartFile | undefined) {
    return this.verification.byFile(file);
  }
}
