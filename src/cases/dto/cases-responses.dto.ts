import { ApiProperty } from '@nestjs/swagger';
import { DateProperty, EnumProperty, InstantProperty, UuidProperty } from '../../common/openapi/properties.js';
import type { CaseView } from '../cases.service.js';
import type { ChildView, PlacementView } from '../child-view.js';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../entities/case-participant.entity.js';
import { CASE_TYPES, type CaseType } from '../entities/case.entity.js';
import { PLACEMENT_TYPES, type PlacementType } from '../entities/placement.entity.js';
import type { ParticipantView } from '../participants.repository.js';
import type { PhotoView } from '../photos.service.js';

export class PlacementDto implements PlacementView {
  @UuidProperty()
  id: string;

  @UuidProperty()
  caseId: string;

  @UuidProperty()
  childId: string;

  @UuidProperty()
  agencyId: string;

  @EnumProperty(PLACEMENT_TYPES, 'PlacementType')
  placementType: PlacementType;

  @InstantProperty()
  startedAt: Date;

  @InstantProperty({ nullable: true, description: 'null while it is the current placement' })
  endedAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  caseworkerName: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'email' })
  caseworkerEmail: string | null;
}

export class LatestPhotoDto {
  @UuidProperty()
  id: string;

  @InstantProperty()
  takenAt: Date;
}

export class ChildDto implements ChildView {
  @UuidProperty()
  id: string;

  @UuidProperty()
  caseId: string;

  @UuidProperty()
  courtId: string;

  @ApiProperty()
  firstName: string;

  @ApiProperty({ type: String, nullable: true })
  middleName: string | null;

  @ApiProperty()
  lastName: string;

  @DateProperty({ example: '2011-05-17' })
  dateOfBirth: string;

  @ApiProperty({ type: String, nullable: true, enum: ['F', 'M', 'X'] })
  sex: string | null;

  @ApiProperty({ type: Number, nullable: true })
  heightInches: number | null;

  @ApiProperty({ type: Number, nullable: true })
  weightPounds: number | null;

  @ApiProperty({ type: String, nullable: true })
  hairColor: string | null;

  @ApiProperty({ type: String, nullable: true })
  eyeColor: string | null;

  @ApiProperty({ type: [String] })
  identifyingMarks: string[];

  @ApiProperty({ type: Boolean, nullable: true })
  wearsGlasses: boolean | null;

  @ApiProperty({ type: Boolean, nullable: true })
  hasBraces: boolean | null;

  @ApiProperty({ type: [String] })
  riskFactors: string[];

  @ApiProperty({ type: () => PlacementDto, nullable: true })
  currentPlacement: PlacementDto | null;

  @ApiProperty({ type: () => LatestPhotoDto, nullable: true, description: 'The photo with the newest takenAt' })
  latestPhoto: LatestPhotoDto | null;

  @InstantProperty()
  updatedAt: Date;
}

export class CaseDto implements CaseView {
  @UuidProperty()
  id: string;

  @UuidProperty()
  courtId: string;

  @ApiProperty({ example: 'JV-2026-0142' })
  docketNumber: string;

  @EnumProperty(CASE_TYPES, 'CaseType')
  caseType: CaseType;

  @UuidProperty()
  judgeId: string;

  @InstantProperty()
  createdAt: Date;

  @ApiProperty({ type: () => ChildDto })
  child: ChildDto;
}

/** The bytes stored for a photo (after its metadata was removed). */
export class PhotoDto implements PhotoView {
  @UuidProperty()
  id: string;

  @UuidProperty()
  childId: string;

  @InstantProperty()
  takenAt: Date;

  @ApiProperty({ enum: ['image/jpeg', 'image/png'] })
  contentType: 'image/jpeg' | 'image/png';

  @ApiProperty({ description: 'SHA-256 of the stored bytes, hex', example: 'a3f1…' })
  sha256: string;

  @ApiProperty({ example: 183422 })
  byteSize: number;
}

export class ParticipantDto implements ParticipantView {
  @UuidProperty()
  id: string;

  @UuidProperty()
  caseId: string;

  @UuidProperty()
  courtId: string;

  @EnumProperty(PARTICIPANT_ROLES, 'ParticipantRole')
  role: ParticipantRole;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'email' })
  email: string;

  @InstantProperty()
  createdAt: Date;
}
