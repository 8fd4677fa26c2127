import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../auth/principal.js';
import { IsCalendarDate, IsIanaTimeZone, IsUsState } from '../../common/validation/validators.js';
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

  @ApiProperty({ minLength: 12, writeOnly: true })
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
