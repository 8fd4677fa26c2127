import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../entities/case-participant.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AddParticipantDto {
  @ApiProperty({ enum: PARTICIPANT_ROLES })
  @IsIn(PARTICIPANT_ROLES)
  role: ParticipantRole;

  @ApiProperty({ example: 'Dana Whitfield' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'gal@advocates.example', description: 'Where notices, orders and alerts are e-mailed' })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email: string;
}
