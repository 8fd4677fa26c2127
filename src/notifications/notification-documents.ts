import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { HearingDocketService } from '../hearings/hearing-docket.service.js';
import { OrdersRepository } from '../orders/orders.repository.js';
import { FILE_STORAGE, readAll, type FileStorage } from '../storage/file-storage.js';
import type { NotificationEvent } from './notification-events.js';

/** The document served with a message: kept in file storage by its SHA-256, named as the recipient sees it. */
export interface ServedDocument {
  name: string;
  sha256: string;
  contentType: 'application/pdf';
}

/**
 * The document each event serves (the signed order, the notice of hearing),
 * rendered or read once per event and stored by its SHA-256, so every
 * recipient gets the same bytes and the certificate of service can name them.
 */
@Injectable()
export class NotificationDocuments {
  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(OrdersRepository) private readonly orders: OrdersRepository,
    @Inject(HearingDocketService) private readonly hearings: HearingDocketService,
  ) {}

  /** The document an event serves; 'stale' when it is no longer the one to serve (the hearing was set again, or cancelled). */
  async forEvent(event: NotificationEvent): Promise<ServedDocument | null | 'stale'> {
    switch (event.type) {
      case 'order.signed': {
        const pdf = await this.orders.storedPdf(event.orderId);
        if (!pdf) throw new Error(`signed order ${event.orderId} has no stored PDF`);
        return this.store(`order-${event.orderNumber}.pdf`, pdf);
      }
      case 'hearing.scheduled': {
        const pdf = await this.hearings.noticeToServe(event.hearingRequestId, new Date(event.scheduledFor));
        return pdf ? this.store(`notice-of-hearing-${new Date(event.scheduledFor).toISOString().slice(0, 10)}.pdf`, pdf) : 'stale';
      }
      case 'child.missing':
      case 'obligation.overdue':
      case 'evidence.rejected':
      case 'hearing.cancelled':
        return null;
    }
  }

  async bytes(document: { sha256: string }): Promise<Buffer> {
    return readAll(this.storage, document.sha256);
  }

  private async store(name: string, pdf: Buffer): Promise<ServedDocument> {
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await this.storage.put(sha256, pdf);
    return { name, sha256, contentType: 'application/pdf' };
  }
}
