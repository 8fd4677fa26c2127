import { ApiProperty, OmitType } from '@nestjs/swagger';
import { EnumProperty, InstantProperty, UuidProperty } from '../../common/openapi/properties.js';
import { HearingRequestDto } from '../../hearings/dto/hearings-responses.dto.js';
import { TermsDto } from '../../orders/dto/orders-responses.dto.js';
import type { EpisodeView, ObligationView } from '../episode-view.js';
import type { EvidenceView } from '../evidence-view.js';
import {
  EPISODE_STATUSES,
  EVIDENCE_STATUSES,
  OBLIGATION_STATUSES,
  OBLIGATION_TYPES,
  type EpisodeStatus,
  type EvidenceStatus,
  type ObligationStatus,
  type ObligationType,
} from '../obligation-types.js';

export class ObligationDto implements ObligationView {
  @UuidProperty()
  id: string;

  @UuidProperty()
  episodeId: string;

  @UuidProperty()
  childId: string;

  @UuidProperty()
  courtId: string;

  @UuidProperty({ nullable: true })
  agencyId: string | null;

  @EnumProperty(OBLIGATION_TYPES, 'ObligationType')
  type: ObligationType;

  @ApiProperty({ description: 'Counts repeated obligations of one type (status updates): 1, 2, ...' })
  sequence: number;

  @EnumProperty(OBLIGATION_STATUSES, 'ObligationStatus')
  status: ObligationStatus;

  @InstantProperty()
  dueAt: Date;

  @UuidProperty({ nullable: true, description: 'The order that set the deadline; null: the federal defaults' })
  orderId: string | null;

  @InstantProperty({ nullable: true })
  performedAt: Date | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'performedAt <= dueAt once proof is accepted, else null' })
  onTime: boolean | null;

  @InstantProperty({ nullable: true })
  submittedAt: Date | null;

  @InstantProperty({ nullable: true })
  overdueAt: Date | null;

  @InstantProperty({ nullable: true })
  waivedAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  waiverReason: string | null;

  @ApiProperty({
    type: () => TermsDto,
    required: false,
    description: "The terms the obligation was derived from (in an episode's answer they are the episode's)",
  })
  terms?: TermsDto;
}

export class EpisodeDto implements EpisodeView {
  @UuidProperty()
  id: string;

  @UuidProperty()
  childId: string;

  @UuidProperty()
  caseId: string;

  @UuidProperty()
  courtId: string;

  @UuidProperty({ nullable: true, description: 'The placement agency when the child went missing' })
  agencyId: string | null;

  @EnumProperty(EPISODE_STATUSES, 'EpisodeStatus')
  status: EpisodeStatus;

  @InstantProperty()
  missingSince: Date;

  @InstantProperty()
  discoveredAt: Date;

  @ApiProperty({ type: String, nullable: true })
  lastSeenLocation: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The only place a missing-child poster names' })
  lastSeenCity: string | null;

  @ApiProperty({ type: String, nullable: true })
  circumstances: string | null;

  @ApiProperty({ type: String, nullable: true })
  clothingDescription: string | null;

  @ApiProperty({ type: [String] })
  companions: string[];

  @ApiProperty({ type: String, nullable: true })
  childPhone: string | null;

  @ApiProperty({ type: [String] })
  socialMedia: string[];

  @UuidProperty({ nullable: true, description: 'The order that applied when the episode was opened' })
  orderId: string | null;

  @ApiProperty({ type: () => TermsDto })
  terms: TermsDto;

  @InstantProperty({ nullable: true })
  recoveredAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  recoveryLocation: string | null;

  @ApiProperty({ type: String, nullable: true })
  recoveryCircumstances: string | null;

  @InstantProperty()
  createdAt: Date;

  @ApiProperty({ type: [ObligationDto] })
  obligations: ObligationDto[];

  @ApiProperty({ type: [HearingRequestDto] })
  hearingRequests: HearingRequestDto[];
}

/** An episode in a list: without its obligations and hearing requests. */
export class EpisodeSummaryDto extends OmitType(EpisodeDto, ['obligations', 'hearingRequests'] as const) {}

export class ProofFileDto {
  @ApiProperty({ description: 'SHA-256 of the stored file, hex' })
  sha256: string;

  @ApiProperty({ example: 'application/pdf' })
  contentType: string;

  @ApiProperty()
  byteSize: number;
}

/** A proof of an obligation, with the fields of its type (see the submission) at the top level. */
export class ProofDto implements EvidenceView {
  [field: string]: unknown;

  @UuidProperty()
  id: string;

  @UuidProperty()
  obligationId: string;

  @UuidProperty()
  episodeId: string;

  @EnumProperty(OBLIGATION_TYPES, 'ObligationType')
  type: ObligationType;

  @EnumProperty(EVIDENCE_STATUSES, 'EvidenceStatus')
  status: EvidenceStatus;

  @InstantProperty()
  performedAt: Date;

  @InstantProperty()
  submittedAt: Date;

  @UuidProperty({ description: 'User or API key that submitted it' })
  submittedBy: string;

  @ApiProperty({ type: () => ProofFileDto, nullable: true })
  file: ProofFileDto | null;

  @UuidProperty({ nullable: true, description: "Photo proofs: the child's photo it became" })
  photoId: string | null;

  @InstantProperty({ nullable: true })
  reviewedAt: Date | null;

  @UuidProperty({ nullable: true })
  reviewedBy: string | null;

  @ApiProperty({ type: String, nullable: true })
  reviewReason: string | null;

  @ApiProperty({ required: false })
  lawEnforcementAgency?: string;

  @ApiProperty({ required: false })
  reportNumber?: string;

  @ApiProperty({ required: false })
  officerName?: string;

  @ApiProperty({ required: false, example: 'M123456789' })
  ncicNumber?: string;

  @ApiProperty({ required: false })
  ncmecCaseNumber?: string;

  @ApiProperty({ required: false })
  notes?: string;

  @ApiProperty({ required: false })
  traffickingConcern?: boolean;

  @ApiProperty({ required: false, type: [String] })
  factors?: string[];

  @InstantProperty({ required: false })
  lawEnforcementNotifiedAt?: string;

  @InstantProperty({ required: false })
  ncmecNotifiedAt?: string;
}
