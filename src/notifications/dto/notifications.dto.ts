import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/pagination/pagination.js';
import { OptionalUuid } from '../../common/validation/validators.js';
import { NOTIFICATION_STATUSES, type NotificationStatus } from '../notifications.repository.js';

export class ListNotificationsQuery extends PageQuery {
  @OptionalUuid()
  courtId?: string;

  @OptionalUuid()
  caseId?: string;

  @OptionalUuid()
  episodeId?: string;

  @OptionalUuid()
  hearingRequestId?: string;

  @OptionalUuid()
  orderId?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;
}
