import { ApiProperty } from '@nestjs/swagger';
import { EnumProperty, InstantProperty, UuidProperty } from '../../common/openapi/properties.js';
import { ORDER_KINDS, ORDER_STATUSES, type OrderKind, type OrderStatus } from '../applicable-order.js';
import { DEFAULT_TERMS, type OrderTerms } from '../order-terms.js';
import type { Verification } from '../order-verification.service.js';
import type { EpisodeOrderFindings } from '../episode-order-findings.js';
import type { OrderView } from '../order-view.js';

/** Every term of an order, each filled in (a term the order leaves out has its default). */
export class TermsDto implements OrderTerms {
  @ApiProperty({ example: DEFAULT_TERMS.lawEnforcementReportHours })
  lawEnforcementReportHours: number;

  @ApiProperty({ example: DEFAULT_TERMS.ncicEntryHours })
  ncicEntryHours: number;

  @ApiProperty({ example: DEFAULT_TERMS.ncmecReportHours })
  ncmecReportHours: number;

  @ApiProperty({ example: DEFAULT_TERMS.photoMaxAgeDays })
  photoMaxAgeDays: number;

  @ApiProperty({ example: DEFAULT_TERMS.statusUpdateDays })
  statusUpdateDays: number;

  @ApiProperty({ example: DEFAULT_TERMS.recoveryNotificationHours })
  recoveryNotificationHours: number;

  @ApiProperty({ example: DEFAULT_TERMS.postRecoveryPhotoHours })
  postRecoveryPhotoHours: number;

  @ApiProperty({ example: DEFAULT_TERMS.safetyAssessmentHours })
  safetyAssessmentHours: number;

  @ApiProperty({ example: DEFAULT_TERMS.runDebriefHours })
  runDebriefHours: number;

  @ApiProperty({ example: DEFAULT_TERMS.hearingWithinCourtDays })
  hearingWithinCourtDays: number;

  @ApiProperty({ example: DEFAULT_TERMS.requestHearingOnMissing })
  requestHearingOnMissing: boolean;

  @ApiProperty({ example: DEFAULT_TERMS.requestHearingOnNonCompliance })
  requestHearingOnNonCompliance: boolean;

  @ApiProperty({ example: DEFAULT_TERMS.photoReleaseAuthorized, description: 'false: the episode poster is refused' })
  photoReleaseAuthorized: boolean;
}

export class OrderTemplateRefDto {
  @UuidProperty()
  id: string;

  @ApiProperty({ example: 'individual-order' })
  key: string;

  @ApiProperty({ example: 1 })
  version: number;

  @UuidProperty({ nullable: true, description: "null: shipped with the service; else the court's own version" })
  courtId: string | null;
}

export class OrderDto implements OrderView {
  @UuidProperty()
  id: string;

  @EnumProperty(ORDER_KINDS, 'OrderKind')
  kind: OrderKind;

  @EnumProperty(ORDER_STATUSES, 'OrderStatus')
  status: OrderStatus;

  @UuidProperty()
  courtId: string;

  @UuidProperty({ nullable: true, description: 'INDIVIDUAL, SHOW_CAUSE and CONTINUING_JURISDICTION orders: the case' })
  caseId: string | null;

  @UuidProperty({ nullable: true, description: 'SHOW_CAUSE and CONTINUING_JURISDICTION orders: the episode they were drafted from' })
  episodeId: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'SHOW_CAUSE: {kind, agency, governingOrder, failures: [{duty, dueAt, status}], hearing}; CONTINUING_JURISDICTION: {kind, missingSince, majorityDate, timeMissing}; as drafted from the episode and printed',
  })
  findings: EpisodeOrderFindings | null;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    nullable: true,
    description: 'STANDING orders: the agencies bound; null binds every agency',
  })
  agencyIds: string[] | null;

  @InstantProperty({ nullable: true, description: 'Defaults to signedAt when the order is signed' })
  effectiveAt: Date | null;

  @ApiProperty({ type: () => TermsDto })
  terms: TermsDto;

  @ApiProperty({ type: () => OrderTemplateRefDto })
  template: OrderTemplateRefDto;

  @ApiProperty({ type: String, nullable: true, example: 'TX-TRAVIS-2026-000123' })
  orderNumber: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Printed on the order for public verification', example: '7KQ2M-9XD4T' })
  verificationCode: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the signed PDF, hex' })
  sha256: string | null;

  @InstantProperty({ nullable: true })
  signedAt: Date | null;

  @UuidProperty({ nullable: true, description: 'The judge (user id)' })
  signedBy: string | null;

  @ApiProperty({ type: String, nullable: true })
  signedByName: string | null;

  @InstantProperty({ nullable: true })
  supersededAt: Date | null;

  @UuidProperty({ nullable: true, description: 'The standing order that superseded this one' })
  supersededBy: string | null;

  @InstantProperty({ nullable: true })
  vacatedAt: Date | null;

  @UuidProperty({ nullable: true })
  vacatedBy: string | null;

  @ApiProperty({ type: String, nullable: true })
  vacateReason: string | null;

  @UuidProperty()
  createdBy: string;

  @InstantProperty()
  createdAt: Date;

  @InstantProperty()
  updatedAt: Date;
}

/** What anyone holding an order may learn about it: never child data. */
export class VerificationDto implements Verification {
  @ApiProperty({ description: 'The court issued and signed exactly this document' })
  valid: boolean;

  @ApiProperty({ required: false })
  orderNumber?: string;

  @EnumProperty(ORDER_STATUSES, 'OrderStatus', {
    required: false,
    description: 'A later superseded or vacated order stays valid with that status',
  })
  status?: OrderStatus;

  @InstantProperty({ required: false })
  signedAt?: Date;

  @ApiProperty({ required: false })
  courtName?: string;
}
