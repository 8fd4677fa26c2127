import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class TokenRequestDto {
  @ApiProperty({ example: 'clerk@court.example' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email: string;

  @ApiProperty({ writeOnly: true })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({
    description: 'The current TOTP code (6 digits), or an unused recovery code, when the account has TOTP on',
    example: '123456',
    writeOnly: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  totp?: string;
}

/** The same body as a token request: `{email, password, totp?}`. */
export class SessionRequestDto extends TokenRequestDto {}

export class ChangePasswordDto {
  @ApiProperty({ writeOnly: true })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ writeOnly: true, minLength: 12, description: 'At least 12 characters, not a common or breached password' })
  @IsString()
  @MaxLength(200)
  newPassword: string;
}

export class TotpConfirmDto {
  @ApiProperty({ example: '123456', description: 'The code the authenticator app shows now' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits the authenticator shows' })
  code: string;
}
