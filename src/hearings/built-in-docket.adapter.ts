import { Injectable } from '@nestjs/common';
import type { DocketAdapter } from './docket-adapter.js';

/** The default: the service's own calendar is the docket, so a request is on it as soon as it is raised; nothing leaves. */
@Injectable()
export class BuiltInDocket implements DocketAdapter {
  readonly initialSyncStatus = 'NOT_CONFIGURED' as const;

  async publish(): Promise<null> {
    return null;
  }

  /** The built-in docket stores no events, so there is never one to deliver. */
  async deliver(): Promise<'unknown'> {
    return 'unknown';
  }
}
