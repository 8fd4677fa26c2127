import { ApiProperty } from '@nestjs/swagger';
import { EnumProperty, InstantProperty, UuidProperty } from '../../common/openapi/properties.js';
import { NOTIFICATION_EVENTS, type NotificationEventType } from '../notification-events.js';
import { NOTIFICATION_STATUSES, type NotificationStatus, type NotificationView } from '../notifications.repository.js';

export class NotificationAttachmentDto {
  @ApiProperty({ example: 'notice-of-hearing.pdf' })
  name: string;

  @ApiProperty({ description: 'SHA-256 of the attached file, hex' })
  sha256: string;
}

export class NotificationDto implements NotificationView {
  @UuidProperty()
  id: string;

  @EnumProperty(NOTIFICATION_EVENTS, 'NotificationEvent')
  event: NotificationEventType;

  @ApiProperty({ format: 'email', description: 'The address the message went to' })
  recipient: string;

  @ApiProperty()
  recipientName: string;

  @ApiProperty({ description: 'Why they were told: their role on the case or in the court' })
  recipientRole: string;

  @EnumProperty(['EMAIL'], 'NotificationChannel')
  channel: 'EMAIL';

  @EnumProperty(NOTIFICATION_STATUSES, 'NotificationStatus')
  status: NotificationStatus;

  @ApiProperty()
  attempts: number;

  @InstantProperty({ nullable: true })
  sentAt: Date | null;

  @InstantProperty({ nullable: true })
  failedAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @UuidProperty()
  courtId: string;

  @UuidProperty({ nullable: true })
  caseId: string | null;

  @UuidProperty({ nullable: true })
  episodeId: string | null;

  @UuidProperty({ nullable: true })
  hearingRequestId: string | null;

  @UuidProperty({ nullable: true })
  orderId: string | null;

  @ApiProperty({ type: () => NotificationAttachmentDto, nullable: true })
  attachment: NotificationAttachmentDto | null;

  @InstantProperty()
  createdAt: Date;
}
