import { ApiProperty } from '@nestjs/swagger';
import { InstantProperty, UuidProperty } from '../common/openapi/properties.js';
import type { AuditEventView } from './audit-query.service.js';

export class AuditEventDto implements AuditEventView {
  @UuidProperty()
  id: string;

  @ApiProperty({ description: 'Position in the chain' })
  seq: number;

  @InstantProperty()
  at: Date;

  @UuidProperty({ nullable: true })
  actorId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'CLERK' })
  actorRole: string | null;

  @ApiProperty({ example: 'read', description: 'read, create, update, sign, review, login, login_failed, denied, ...' })
  action: string;

  @ApiProperty({ example: 'success' })
  outcome: string;

  @ApiProperty({ type: String, nullable: true, example: 'child', description: 'lower snake case' })
  entityType: string | null;

  @UuidProperty({ nullable: true })
  entityId: string | null;

  @UuidProperty({ nullable: true })
  courtId: string | null;

  @ApiProperty({ type: String, nullable: true })
  requestId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Ids and codes; never a child’s name or description' })
  details: Record<string, unknown>;

  @ApiProperty({
    description: 'HMAC-SHA-256 (AUDIT_HMAC_KEY) of prevHash and the canonical event, hex; SHA-256 for events from before the key',
  })
  hash: string;

  @ApiProperty()
  prevHash: string;
}

export class AuditHeadDto {
  @ApiProperty({ description: 'The last event (seq)' })
  seq: number;

  @ApiProperty({ description: 'Its hash (hex): keep it with seq outside the database, as a checkpoint' })
  hash: string;
}

export class AuditVerificationDto {
  @ApiProperty()
  valid: boolean;

  @ApiProperty({ description: 'Events checked' })
  checked: number;

  @UuidProperty({ required: false, description: 'The first event whose hash does not match' })
  firstBrokenId?: string;

  @ApiProperty({ description: 'The first event (seq) this call checked' })
  from: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Pass as `from` to check the next range; null once the end (and the head) was checked',
  })
  nextFrom: number | null;

  @ApiProperty({ type: AuditHeadDto, required: false, description: 'The chain head, once the end was reached' })
  head?: AuditHeadDto;

  @ApiProperty({
    required: false,
    description: 'Given a checkpoint: whether the event at checkpointSeq still has checkpointHash (when false, valid is false)',
  })
  checkpointHeld?: boolean;
}
