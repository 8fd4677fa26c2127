import type { components } from './schema';

/**
 * Answers of the service under the names the app uses: each one the generated type of the
 * OpenAPI document (`schema.d.ts`, `npm run openapi`), so a changed answer breaks the build.
 * Nothing here is written by hand but the names.
 */
type Schemas = components['schemas'];

/** One page of a cursor-paginated list (`nextCursor` null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Role = Schemas['Role'];
export type Me = Schemas['MeDto'];
/** A signed-in user as the session answer gives it. */
export type SessionUser = Schemas['UserDto'];
export type User = Schemas['UserListItemDto'];
export type ApiKey = Schemas['ApiKeyDto'];
export type IssuedApiKey = Schemas['IssuedApiKeyDto'];

export type Court = Schemas['CourtDto'];
export type Closure = Schemas['ClosureDto'];
export type CourtMonth = Schemas['CourtMonthDto'];
export type CourtDay = Schemas['CourtDayDto'];
export type AgencyKind = Schemas['AgencyKind'];
export type Agency = Schemas['AgencyDto'];

export type CaseType = Schemas['CaseType'];
export type Case = Schemas['CaseDto'];
export type Child = Schemas['ChildDto'];
export type ChildSex = NonNullable<Schemas['ChildInputDto']['sex']>;
export type PlacementType = Schemas['PlacementType'];
export type Placement = Schemas['PlacementDto'];
export type ParticipantRole = Schemas['ParticipantRole'];
export type Participant = Schemas['ParticipantDto'];
export type Photo = Schemas['PhotoDto'];

export type ObligationType = Schemas['ObligationType'];
export type ObligationStatus = Schemas['ObligationStatus'];
export type Obligation = Schemas['ObligationDto'];
export type Terms = Schemas['TermsDto'];
export type Episode = Schemas['EpisodeDto'];
export type EpisodeSummary = Schemas['EpisodeSummaryDto'];
export type EvidenceStatus = Schemas['EvidenceStatus'];
export type Evidence = Schemas['ProofDto'];

export type HearingReason = Schemas['HearingReason'];
export type HearingRequestStatus = Schemas['HearingRequestStatus'];
export type HearingRequest = Schemas['HearingRequestDto'];
export type DocketEventStatus = Schemas['DocketEventStatus'];
export type DocketEvent = Schemas['DocketEventDto'];

export type OrderKind = Schemas['OrderKind'];
export type OrderStatus = Schemas['OrderStatus'];
export type Order = Schemas['OrderDto'];
export type OrderTemplate = Schemas['ListedOrderTemplateDto'];
export type OrderTemplateDetail = Schemas['OrderTemplateDetailDto'];
export type Verification = Schemas['VerificationDto'];

export type ComplianceCounts = Schemas['ObligationCountsDto'];
export type ComplianceSummary = Schemas['ComplianceSummaryDto'];
export type AgencyCompliance = Schemas['AgencyComplianceDto'];
export type PhotoGaps = Schemas['PhotoGapsDto'];

export type NotificationEvent = Schemas['NotificationEvent'];
export type NotificationStatus = Schemas['NotificationStatus'];
export type Notification = Schemas['NotificationDto'];

/** Request bodies the forms send. */
export type OpenEpisodeInput = Schemas['OpenEpisodeDto'];
export type RecoveryInput = Schemas['RecoveryDto'];
