import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '../../auth/principal.js';
import { PageQuery } from '../../common/pagination/pagination.js';
import { IsCalendarDate, IsIanaTimeZone, IsInstant, IsUsState, OptionalUuid } from '../../common/validation/validators.js';
import { AGENCY_KINDS, type AgencyKind } from '../entities/agency.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCourtDto {
  @ApiProperty({ example: 'Travis County Juvenile Court' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'TX', description: 'Two-letter US state code' })
  @IsUsState()
  state: string;

  @ApiProperty({ example: 'Travis' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  county: string;

  @ApiProperty({ example: 'America/Chicago', description: 'IANA time zone; court days are counted in it' })
  @IsIanaTimeZone()
  timezone: string;
}

export class CreateClosureDto {
  @ApiProperty({ example: '2026-12-24' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: 'Court closed for Christmas Eve' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

export class CreateAgencyDto {
  @ApiProperty({ example: 'Department of Family and Protective Services, Region 7' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS)
  kind: AgencyKind;

  @ApiProperty({ example: 'TX' })
  @IsUsState()
  state: string;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Case-management system' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ description: 'When the key stops working: at most 365 days ahead (the default)', example: '2027-01-31T00:00:00Z' })
  @IsOptional()
  @IsInstant()
  expiresAt?: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'clerk@court.example' })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Dana Clerk' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ minLength: 12, writeOnly: true, description: 'At least 12 characters, not a common or breached password' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'Required for JUDGE and CLERK' })
  @IsOptional()
  @IsUUID()
  courtId?: string;

  @ApiPropertyOptional({ description: 'Required for AGENCY' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Dana Clerk' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'JUDGE and CLERK: their court; null for other roles' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsUUID()
  courtId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'AGENCY: its agency; null for other roles' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsUUID()
  agencyId?: string | null;

  @ApiPropertyOptional({ description: 'A disabled user cannot sign in; their tokens and sessions end at once' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @OptionalUuid()
  courtId?: string;

  @OptionalUuid()
  agencyId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean({ message: 'disabled must be true or false' })
  disabled?: boolean;
}
