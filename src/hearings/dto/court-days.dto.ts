import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class CourtDaysQuery {
  @ApiProperty({ example: '2026-03', description: 'The month, `YYYY-MM`' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month: string;
}

export class CourtDayDto {
  @ApiProperty({ example: '2026-03-02' })
  date: string;

  @ApiProperty({ description: 'Whether hearings may be set that day' })
  open: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'a public holiday (Texas Independence Day)',
    description: 'Why the court is closed',
  })
  closedBecause: string | null;
}

export class CourtMonthDto {
  @ApiProperty({ format: 'uuid' })
  courtId: string;

  @ApiProperty({ example: '2026-03' })
  month: string;

  @ApiProperty({ example: 'America/Chicago' })
  timezone: string;

  @ApiProperty({ type: [CourtDayDto] })
  days: CourtDayDto[];
}
