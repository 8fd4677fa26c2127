import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination/pagination.js';
import { IsInstant, OptionalUuid } from '../../common/validation/validators.js';
import {
  EPISODE_STATUSES,
  OBLIGATION_STATUSES,
  OBLIGATION_TYPES,
  type EpisodeStatus,
  type ObligationStatus,
  type ObligationType,
} from '../obligation-types.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;
/** Multipart sends one value as a string and repeated values as an array. */
const asArray = ({ value }: { value: unknown }) => (typeof value === 'string' ? [value.trim()] : trimAll({ value }));
/** Multipart sends booleans as text. */
const asBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class OpenEpisodeDto {
  @ApiProperty()
  @IsUUID()
  childId: string;

  @ApiProperty({
    example: '2026-03-01T22:15:00-06:00',
    description: 'When the child was last known to be where they should be',
  })
  @IsInstant()
  missingSince: string;

  @ApiPropertyOptional({
    description: 'When the agency learned the child was gone; defaults to now',
  })
  @IsOptional()
  @IsInstant()
  discoveredAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  lastSeenLocation?: string;

  @ApiPropertyOptional({
    example: 'Austin',
    description: 'The city (or town) where the child was last seen: the only place a missing-child poster names',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastSeenCity?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  circumstances?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  clothingDescription?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Transform(trimAll)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  companions?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @Matches(/^[+0-9 ()./-]{3,40}$/, {
    message: 'childPhone must be a phone number',
  })
  childPhone?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Transform(trimAll)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(300, { each: true })
  socialMedia?: string[];
}

export class RecoveryDto {
  @ApiProperty({ example: '2026-03-04T09:30:00-06:00' })
  @IsInstant()
  recoveredAt: string;

  @ApiProperty({ example: 'Greyhound station, Austin' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  recoveryLocation: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  circumstances?: string;
}

export class ListEpisodesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EPISODE_STATUSES })
  @IsOptional()
  @IsIn(EPISODE_STATUSES)
  status?: EpisodeStatus;

  @OptionalUuid()
  courtId?: string;

  @OptionalUuid()
  agencyId?: string;

  @OptionalUuid()
  childId?: string;
}

export class ListObligationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OBLIGATION_STATUSES })
  @IsOptional()
  @IsIn(OBLIGATION_STATUSES)
  status?: ObligationStatus;

  @ApiPropertyOptional({ enum: OBLIGATION_TYPES })
  @IsOptional()
  @IsIn(OBLIGATION_TYPES)
  type?: ObligationType;

  @OptionalUuid()
  courtId?: string;

  @OptionalUuid()
  agencyId?: string;

  @OptionalUuid()
  episodeId?: string;

  @ApiPropertyOptional({
    description: 'Only obligations due before this instant',
  })
  @IsOptional()
  @IsInstant()
  dueBefore?: string;
}

/** Every field any proof may carry; which ones a proof needs depends on the obligation's type (see proof-fields.ts). */
export class EvidenceDto {
  @ApiPropertyOptional({
    type: 'string',
    format: 'binary',
    description: 'JPEG/PNG photo, PDF assessment or scanned report',
  })
  @IsOptional()
  file?: unknown;

  @ApiPropertyOptional({
    description: 'When the duty was performed (the photo taken, the report made)',
  })
  @IsOptional()
  @IsInstant()
  performedAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  lawEnforcementAgency?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reportNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  officerName?: string;

  @ApiPropertyOptional({
    example: 'M123456789',
    description: 'NCIC identification number: M and nine digits',
  })
  @IsOptional()
  @Transform(trim)
  @Matches(/^M\d{9}$/, {
    message: 'ncicNumber must be M followed by nine digits',
  })
  ncicNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  ncmecCaseNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  notes?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  traffickingConcern?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Transform(asArray)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(300, { each: true })
  factors?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsInstant()
  lawEnforcementNotifiedAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInstant()
  ncmecNotifiedAt?: string;
}

export class ReviewDto {
  @ApiProperty({ enum: ['ACCEPTED', 'REJECTED'] })
  @IsIn(['ACCEPTED', 'REJECTED'])
  decision: 'ACCEPTED' | 'REJECTED';

  @ApiPropertyOptional({ description: 'Required to reject' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;
}

export class WaiveDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
