import { ApiProperty } from '@nestjs/swagger';
import { DateProperty, InstantProperty, UuidProperty } from '../common/openapi/properties.js';
import { OBLIGATION_TYPES, type ObligationType } from '../episodes/obligation-types.js';
import type { AgencyCompliance, TypeCounts } from './compliance-summary.js';
import type { ComplianceSummary, PhotoGap } from './compliance.service.js';

export class TypeCountsDto implements TypeCounts {
  @ApiProperty()
  total: number;

  @ApiProperty({ description: 'Proof accepted, performed by the deadline' })
  onTime: number;

  @ApiProperty({ description: 'Proof accepted, performed after the deadline' })
  late: number;

  @ApiProperty({ description: 'Past the deadline without proof' })
  overdue: number;

  @ApiProperty()
  open: number;
}

export class ObligationCountsDto extends TypeCountsDto {
  @ApiProperty()
  waived: number;
}

/** Counts per obligation type; a type with no obligations in the period is left out. */
export class CountsByTypeDto {}
for (const type of OBLIGATION_TYPES) ApiProperty({ type: () => TypeCountsDto, required: false })(CountsByTypeDto.prototype, type);

export class AgencyComplianceDto implements AgencyCompliance {
  @UuidProperty({ nullable: true, description: 'null: obligations of episodes with no placement agency' })
  agencyId: string | null;

  @ApiProperty()
  name: string;

  @ApiProperty({ description: 'Episodes discovered in the period' })
  episodes: number;

  @ApiProperty({ type: () => ObligationCountsDto })
  obligations: ObligationCountsDto;

  @ApiProperty({ type: () => CountsByTypeDto })
  byType: Partial<Record<ObligationType, TypeCountsDto>>;

  @ApiProperty({ type: Number, nullable: true })
  medianHoursToLawEnforcementReport: number | null;

  @ApiProperty({ type: Number, nullable: true })
  medianHoursToNcmecReport: number | null;
}

export class ComplianceSummaryDto implements ComplianceSummary {
  @UuidProperty()
  courtId: string;

  @DateProperty()
  from: string;

  @DateProperty()
  to: string;

  @ApiProperty({ type: [AgencyComplianceDto] })
  agencies: AgencyComplianceDto[];
}

export class PhotoGapDto implements PhotoGap {
  @UuidProperty()
  childId: string;

  @UuidProperty()
  caseId: string;

  @ApiProperty()
  docketNumber: string;

  @UuidProperty()
  agencyId: string;

  @InstantProperty({ nullable: true })
  latestPhotoTakenAt: Date | null;

  @ApiProperty({ description: "The order's photoMaxAgeDays (else 180)" })
  photoMaxAgeDays: number;

  @UuidProperty({ nullable: true })
  orderId: string | null;
}

export class PhotoGapsDto {
  @UuidProperty()
  courtId: string;

  @InstantProperty()
  asOf: Date;

  @ApiProperty({ type: [PhotoGapDto] })
  items: PhotoGapDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor: string | null;
}
