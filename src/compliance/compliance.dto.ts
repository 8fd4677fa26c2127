import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../common/pagination/pagination.js';
import { IsCalendarDate } from '../common/validation/validators.js';

export class ComplianceSummaryQuery {
  @ApiPropertyOptional({
    description: 'Required for ADMIN; judges and clerks default to their court',
  })
  @IsOptional()
  @IsUUID()
  courtId?: string;

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'Episodes discovered on or after this day (court time zone); default 364 days before to',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'Episodes discovered on or before this day; default today in the court time zone',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class CompliancePhotosQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Required for ADMIN; judges and clerks default to their court',
  })
  @IsOptional()
  @IsUUID()
  courtId?: string;
}
