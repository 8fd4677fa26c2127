import { ApiProperty } from '@nestjs/swagger';
import { DateProperty, EnumProperty, InstantProperty, UuidProperty } from '../../common/openapi/properties.js';
import { DOCKET_EVENT_STATUSES, DOCKET_EVENT_TYPES, type DocketEventStatus, type DocketEventType } from '../docket-events.js';
import type { DocketEventView } from '../docket.service.js';
import {
  DOCKET_SYNC_STATUSES,
  HEARING_REASONS,
  HEARING_REQUEST_STATUSES,
  type DocketSyncStatus,
  type HearingReason,
  type HearingRequestStatus,
} from '../hearing-request-types.js';
import type { HearingRequestView } from '../hearing-request-view.js';

export class DocketSyncDto {
  @EnumProperty(DOCKET_SYNC_STATUSES, 'DocketSyncStatus')
  status: DocketSyncStatus;

  @ApiProperty({ description: 'Delivery attempts of the latest event for the request' })
  attempts: number;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;
}

export class HearingRequestDto implements HearingRequestView {
  @UuidProperty()
  id: string;

  @EnumProperty(HEARING_REASONS, 'HearingReason')
  reason: HearingReason;

  @UuidProperty()
  episodeId: string;

  @UuidProperty()
  caseId: string;

  @UuidProperty()
  courtId: string;

  @UuidProperty({ nullable: true, description: 'NON_COMPLIANCE: the overdue obligation' })
  obligationId: string | null;

  @EnumProperty(HEARING_REQUEST_STATUSES, 'HearingRequestStatus')
  status: HearingRequestStatus;

  @InstantProperty()
  requestedAt: Date;

  @DateProperty({ description: "The hearingWithinCourtDays-th court day after the request, in the court's time zone" })
  targetDate: string;

  @InstantProperty({ nullable: true })
  scheduledFor: Date | null;

  @ApiProperty({ type: String, nullable: true })
  courtroom: string | null;

  @InstantProperty({ nullable: true })
  cancelledAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  cancelReason: string | null;

  @ApiProperty({ type: () => DocketSyncDto })
  docketSync: DocketSyncDto;
}

export class DocketEventDto implements DocketEventView {
  @UuidProperty()
  id: string;

  @EnumProperty(DOCKET_EVENT_TYPES, 'DocketEventType')
  type: DocketEventType;

  @UuidProperty({ nullable: true })
  hearingRequestId: string | null;

  @UuidProperty({ nullable: true })
  orderId: string | null;

  @UuidProperty()
  courtId: string;

  @EnumProperty(DOCKET_EVENT_STATUSES, 'DocketEventStatus')
  status: DocketEventStatus;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ type: Number, nullable: true, description: "The CMS's last HTTP status" })
  lastStatus: number | null;

  @InstantProperty({ nullable: true })
  deliveredAt: Date | null;

  @InstantProperty({ nullable: true })
  failedAt: Date | null;

  @InstantProperty()
  createdAt: Date;
}
