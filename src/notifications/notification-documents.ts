import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { FileStorage } from '../storage/file-storage.js';
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
  constructor(@Inject(FileStorage) private readonly storage: FileStorage) {}

  async forEvent(event: NotificationEvent): Promise<ServedDocument | null> {
    switch (event.type) {
      case 'child.missing':
      case 'obligation.overdue':
      case 'evidence.rejected':
      case 'hearing.cancelled':
      case 'hearing.scheduled':
      case 'order.signed':
        return null;
    }
  }

  async bytes(document: { sha256: string }): Promise<Buffer> {
    return this.storage.get(document.sha256);
  }

  protected async store(name: string, pdf: Buffer): Promise<ServedDocument> {
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await this.storage.put(sha256, pdf);
    return { name, sha256, contentType: 'application/pdf' };
  }
}
