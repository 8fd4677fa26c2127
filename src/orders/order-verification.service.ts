import { Inject, Injectable } from '@nestjs/common';
import { ValidationFailed } from '../common/errors/domain-error.js';
import { CourtsService } from '../directory/courts.service.js';
import { acceptHashedUpload, type UploadedBytes } from '../storage/accept-upload.js';
import type { OrderStatus } from './applicable-order.js';
import { normalizeVerificationCode } from './order-number.js';
import { OrdersRepository } from './orders.repository.js';

/** What anyone may learn about a document: whether the court signed it, and what became of it. Never child data. */
export interface Verification {
  valid: boolean;
  orderNumber?: string;
  status?: OrderStatus;
  signedAt?: Date;
  courtName?: string;
}

/**
 * Public verification of signed orders: by the SHA-256 of the PDF, by the
 * PDF itself, or by the code printed on it. A genuine PDF of an order later
 * superseded or vacated stays valid, with that status.
 */
@Injectable()
export class OrderVerificationService {
  constructor(
    @Inject(OrdersRepository) private readonly orders: OrdersRepository,
    @Inject(CourtsService) private readonly courts: CourtsService,
  ) {}

  async byQuery(query: { sha256?: string; code?: string }): Promise<Verification> {
    if (query.sha256 && query.code) throw ValidationFailed.field('sha256', 'give either sha256 or code, not both');
    if (query.sha256) return this.lookup({ sha256: query.sha256.toLowerCase() });
    if (query.code !== undefined) {
      const code = normalizeVerificationCode(query.code);
      return code ? this.lookup({ verificationCode: code }) : { valid: false };
    }
    throw ValidationFailed.field('sha256', 'give the SHA-256 of the PDF (or the verification code printed on it)');
  }

  /** The uploaded file must be a PDF (checked by content: 415 otherwise); its bytes were hashed as they streamed in. */
  async byFile(file: UploadedBytes | undefined): Promise<Verification> {
    const accepted = await acceptHashedUpload(file, 'file', ['application/pdf']);
    return this.lookup({ sha256: accepted.sha256 });
  }

  private async lookup(by: { sha256: string } | { verificationCode: string }): Promise<Verification> {
    const order = await this.orders.verifiable(by);
    if (!order) return { valid: false };
    const court = await this.courts.require(order.courtId);
    return { valid: true, orderNumber: order.orderNumber, status: order.status, signedAt: order.signedAt, courtName: court.name };
  }
}
