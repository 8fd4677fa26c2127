import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/pagination/pagination.js';
import { IsInstant, OptionalUuid } from '../../common/validation/validators.js';
import { ORDER_KINDS, ORDER_STATUSES, type OrderKind, type OrderStatus } from '../applicable-order.js';
import { DEFAULT_TERMS, MAX_DAYS, MAX_HOURS } from '../order-terms.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Optional, but when present it must be valid: `null` is not a number, a boolean or an id. */
const PresentMustBeValid = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
const HOURS = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 };

/** Every term optional; a term left out takes its default. Hours may be fractional and are > 0. */
export class OrderTermsDto {
  @ApiPropertyOptional({ default: DEFAULT_TERMS.lawEnforcementReportHours })
  @PresentMustBeValid()
  @IsNumber(HOURS)
  @IsPositive()
  @Max(MAX_HOURS)
  lawEnforcementReportHours?: number;

  @ApiPropertyOptional({ default: DEFAULT_TERMS.ncicEntryHours })
  @PresentMustBeValid()
  @IsNumber(HOURS)
  @IsPositive()
  @Max(MAX_HOURS)
  ncicEntryHours?: number;

  @ApiPropertyOptional({ default: DEFAULT_TERMS.ncmecReportHours })
  @PresentMustBeValid()
  @IsNumber(HOURS)
  @IsPositive()
  @Max(MAX_HOURS)
  ncmecReportHours?: number;

  @ApiPropertyOptional({ default: DEFAULT_TERMS.photoMaxAgeDays })
  @PresentMustBeValid()
  @IsInt()
  @Min(1)
  @Max(MAX_DAYS)
  photoMaxAgeDays?: number;

  @ApiPropertyOptional({ default: DEFAULT_TERMS.statusUpdateDays })
  @PresentMustBeValid()
  @IsInt()
  @Min(1)
  @Max(MAX_DAYS)
  statusUpdateDays?: number;

  @ApiPropertyOptional({ default: DEFAULT_TERMS.recoveryNotificationHours })
  @PresentMustBeValid()
  @IsNumber(HOURS)
  @IsPositive()
  @Max(MAX_HOURS)
  recoveryNotificationHours?: number;

  @ApiPropertyOptional({ default: DEFAULT_TERMS.postRecoveryPhotoHours })
  @PresentMustBeValid()
  @IsNumber(HOURS)
  @IsPositive()
  @Max(MAX_HOURS)
  postRecoveryPhotoHours?: number;

  @ApiPropertyOptional({ default: DEFAULT_TERMS.safetyAssessmentHours })
  @PresentMustBeValid()
  @IsNumber(HOURS)
  @IsPositive()
  @Max(MAX_HOURS)
  safetyAssessmentHours?: number;

  @ApiPropertyOptional({ default: DEFAULT_TERMS.runDebriefHours })
  @PresentMustBeValid()
  @IsNumber(HOURS)
  @IsPositive()
  @Max(MAX_HOURS)
  runDebriefHours?: number;

  @ApiPropertyOptional({
    default: DEFAULT_TERMS.hearingWithinCourtDays,
    description: 'Court days',
  })
  @PresentMustBeValid()
  @IsInt()
  @Min(1)
  @Max(90)
  hearingWithinCourtDays?: number;

  @ApiPropertyOptional({ default: DEFAULT_TERMS.requestHearingOnMissing })
  @PresentMustBeValid()
  @IsBoolean()
  requestHearingOnMissing?: boolean;

  @ApiPropertyOptional({ default: DEFAULT_TERMS.requestHearingOnNonCompliance })
  @PresentMustBeValid()
  @IsBoolean()
  requestHearingOnNonCompliance?: boolean;

  @ApiPropertyOptional({
    default: DEFAULT_TERMS.photoReleaseAuthorized,
    description: "Release of the child's photo and description for a missing-child poster (false: the poster is refused)",
  })
  @PresentMustBeValid()
  @IsBoolean()
  photoReleaseAuthorized?: boolean;
}

export class CreateOrderDto {
  @ApiProperty({ enum: ORDER_KINDS })
  @IsIn(ORDER_KINDS)
  kind: OrderKind;

  @ApiProperty()
  @IsUUID()
  courtId: string;

  @ApiPropertyOptional({
    description:
      'SHOW_CAUSE and CONTINUING_JURISDICTION orders: the episode of the court they are drafted from (its case, agency and findings come from it)',
  })
  @PresentMustBeValid()
  @IsUUID()
  episodeId?: string;

  @ApiPropertyOptional({
    description: 'Required for INDIVIDUAL orders: a case of the court',
  })
  @PresentMustBeValid()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    description: 'STANDING orders only; none binds every agency',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  agencyIds?: string[] | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-03-10T09:00:00-05:00',
    description: 'Defaults to the moment of signing',
  })
  @IsOptional()
  @IsInstant()
  effectiveAt?: string | null;

  @ApiPropertyOptional({ type: OrderTermsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OrderTermsDto)
  terms?: OrderTermsDto;
}

/** Drafts only. `kind` and `courtId` are fixed at creation. `null` clears `agencyIds` (every agency) and `effectiveAt` (on signing). */
export class UpdateOrderDto {
  @ApiPropertyOptional()
  @PresentMustBeValid()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ type: [String], nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  agencyIds?: string[] | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'null: the moment of signing' })
  @IsOptional()
  @IsInstant()
  effectiveAt?: string | null;

  @ApiPropertyOptional({
    type: OrderTermsDto,
    description: 'Merged into the current terms',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OrderTermsDto)
  terms?: OrderTermsDto;
}

export class ListOrdersQuery extends PageQuery {
  @OptionalUuid()
  courtId?: string;

  @ApiPropertyOptional({ enum: ORDER_KINDS })
  @IsOptional()
  @IsIn(ORDER_KINDS)
  kind?: OrderKind;

  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @OptionalUuid()
  caseId?: string;
}

export class VacateOrderDto {
  @ApiProperty({ description: 'Why the order is vacated; kept with the order' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class VerifyOrderQuery {
  @ApiPropertyOptional({ description: 'SHA-256 of the PDF, hex' })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, {
    message: 'sha256 must be 64 hexadecimal characters',
  })
  sha256?: string;

  @ApiPropertyOptional({
    description: 'The verification code printed on the order',
    example: '7KQ2M-9XD4T',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  code?: string;
}

export class VerifyUploadDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'The PDF to check, at most 20 MB',
  })
  @IsOptional()
  file?: unknown;
}
