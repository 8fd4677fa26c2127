import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination/pagination.js';
import { IsInstant, OptionalUuid } from '../../common/validation/validators.js';
import { DOCKET_EVENT_STATUSES, type DocketEventStatus } from '../docket-events.js';
import {
  DOCKET_SYNC_STATUSES,
  HEARING_REASONS,
  HEARING_REQUEST_STATUSES,
  type DocketSyncStatus,
  type HearingReason,
  type HearingRequestStatus,
} from '../hearing-request-types.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ListHearingRequestsQuery extends PageQuery {
  @OptionalUuid()
  courtId?: string;

  @ApiPropertyOptional({ enum: HEARING_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(HEARING_REQUEST_STATUSES)
  status?: HearingRequestStatus;

  @ApiPropertyOptional({ enum: HEARING_REASONS })
  @IsOptional()
  @IsIn(HEARING_REASONS)
  reason?: HearingReason;

  @ApiPropertyOptional({
    enum: DOCKET_SYNC_STATUSES,
    description: 'FAILED lists what the case-management system never received',
  })
  @IsOptional()
  @IsIn(DOCKET_SYNC_STATUSES)
  docketStatus?: DocketSyncStatus;

  @OptionalUuid()
  episodeId?: string;
}

export class ScheduleHearingDto {
  @ApiProperty({ example: '2026-12-02T09:00:00-06:00' })
  @IsInstant()
  scheduledFor: string;

  @ApiProperty({ example: 'Courtroom 3B' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  courtroom: string;
}

export class CancelHearingDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** POST /docket/callbacks: the case-management system set the hearing. */
export class DocketCallbackDto {
  @ApiProperty({
    description: 'The CMS event id; a second callback with it is refused (409)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  eventId: string;

  @ApiProperty()
  @IsUUID()
  hearingRequestId: string;

  @ApiProperty({ example: '2026-12-02T09:00:00-06:00' })
  @IsInstant()
  scheduledFor: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  courtroom: string;
}

export class ListDocketEventsQuery extends PageQuery {
  @OptionalUuid()
  courtId?: string;

  @ApiPropertyOptional({ enum: DOCKET_EVENT_STATUSES })
  @IsOptional()
  @IsIn(DOCKET_EVENT_STATUSES)
  status?: DocketEventStatus;
}
