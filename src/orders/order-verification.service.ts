import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ValidationFailed } from '../common/errors/domain-error.js';
import { acceptUpload } from '../storage/accept-upload.js';
import type { OrderStatus } from './applicable-order.js';
import { normalizeVerificationCode } from './order-number.js';

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byQuery(query: { sha256?: string; code?: string }): Promise<Verification> {
    if (query.sha256 && query.code) throw ValidationFailed.field('sha256', 'give either sha256 or code, not both');
    if (query.sha256) return this.lookup('o.sha256 = $1', query.sha256.toLowerCase());
    if (query.code !== undefined) {
      const code = normalizeVerificationCode(query.code);
      return code ? this.lookup('o.verification_code = $1', code) : { valid: false };
    }
    throw ValidationFailed.field('sha256', 'give the SHA-256 of the PDF (or the verification code printed on it)');
  }

  /** The uploaded file must be a PDF (checked by content: 415 otherwise); its bytes are hashed as they are. */
  async byFile(file: { buffer?: Buffer } | undefined): Promise<Verification> {
    const accepted = await acceptUpload(file, 'file', ['application/pdf']);
    return this.lookup('o.sha256 = $1', accepted.sha256);
  }

  private async lookup(condition: string, value: string): Promise<Verification> {
    const [row] = (await this.dataSource.query(
      `SELECT o.order_number, o.status, o.signed_at, co.name AS court_name
         FROM orders o JOIN courts co ON co.id = o.court_id
        WHERE ${condition} AND o.status <> 'DRAFT'`,
      [value],
    )) as Array<{
      order_number: string;
      status: OrderStatus;
      signed_at: Date;
      court_name: string;
    }>;
    if (!row) return { valid: false };
    return {
      valid: true,
      orderNumber: row.order_number,
      status: row.status,
      signedAt: row.signed_at,
      courtName: row.court_name,
    };
  }
}
