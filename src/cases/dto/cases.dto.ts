import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/pagination/pagination.js';
import { IsCalendarDate, IsInstant, OptionalUuid } from '../../common/validation/validators.js';
import { CASE_TYPES, type CaseType } from '../entities/case.entity.js';
import { PLACEMENT_TYPES, type PlacementType } from '../entities/placement.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

export class ChildInputDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  middleName?: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName: string;

  @ApiProperty({ example: '2011-04-17' })
  @IsCalendarDate()
  dateOfBirth: string;

  @ApiPropertyOptional({ enum: ['F', 'M', 'X'] })
  @IsOptional()
  @IsIn(['F', 'M', 'X'])
  sex?: 'F' | 'M' | 'X';

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(10)
  @Max(100)
  heightInches?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(2)
  @Max(700)
  weightPounds?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  hairColor?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  eyeColor?: string;

  @ApiPropertyOptional({ type: [String], description: 'Tattoos, piercings, scars, birthmarks' })
  @IsOptional()
  @Transform(trimAll)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(300, { each: true })
  identifyingMarks?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  wearsGlasses?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  hasBraces?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Transform(trimAll)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  riskFactors?: string[];
}

export class UpdateChildDto extends PartialType(ChildInputDto) {}

export class CreateCaseDto {
  @ApiProperty()
  @IsUUID()
  courtId: string;

  @ApiProperty({ example: 'JV-2026-00123' })
  @Transform(trim)
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 ./_-]{0,59}$/, { message: 'docketNumber must be 1-60 letters, digits, spaces or ./_-' })
  docketNumber: string;

  @ApiProperty({ enum: CASE_TYPES })
  @IsIn(CASE_TYPES)
  caseType: CaseType;

  @ApiProperty({ description: 'A JUDGE of the court' })
  @IsUUID()
  judgeId: string;

  @ApiProperty({ type: ChildInputDto })
  // An array would pass ValidateNested item by item and reach the service as a list (a 500).
  @IsObject()
  @ValidateNested()
  @Type(() => ChildInputDto)
  child: ChildInputDto;
}

export class ListCasesQuery extends PageQuery {
  @OptionalUuid()
  courtId?: string;
}

export class CreatePlacementDto {
  @ApiProperty()
  @IsUUID()
  agencyId: string;

  @ApiProperty({ enum: PLACEMENT_TYPES })
  @IsIn(PLACEMENT_TYPES)
  placementType: PlacementType;

  @ApiProperty({ example: '2026-03-01T09:00:00-06:00' })
  @IsInstant()
  startedAt: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  caseworkerName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  caseworkerEmail?: string;
}

export class PhotoUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'JPEG or PNG, at most 10 MB' })
  @IsOptional()
  file?: unknown;

  @ApiProperty({ example: '2026-02-20T15:00:00-06:00', description: 'When the photo was taken' })
  @IsInstant()
  takenAt: string;
}
