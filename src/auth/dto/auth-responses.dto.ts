import { ApiProperty } from '@nestjs/swagger';
import { EnumProperty, TextProperty, UuidProperty } from '../../common/openapi/properties.js';
import { UserDto } from './user.dto.js';
import type { ApiKeyMe, MeView, TokenResponse } from '../auth.service.js';
import { ROLES, type Role } from '../principal.js';

export class TokenDto implements TokenResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' })
  accessToken: string;

  @EnumProperty(['Bearer'], 'TokenType')
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires', example: 3600 })
  expiresIn: number;

  @ApiProperty({ type: () => UserDto })
  user: UserDto;

  @ApiProperty({
    description:
      'The role needs a second factor and none was proved: only /auth/me, /auth/mfa/*, /auth/session and /auth/logout until TOTP is enrolled',
  })
  mfaEnrolmentRequired: boolean;
}

/** `POST /auth/session`: the cookies carry the session; the body says who signed in. */
export class SessionDto {
  @ApiProperty({ type: () => UserDto })
  user: UserDto;

  @ApiProperty({ description: 'As in the token answer: only enrolment is open until TOTP is on' })
  mfaEnrolmentRequired: boolean;
}

/** `GET /auth/me` for a person. */
export class MeDto extends UserDto implements MeView {
  @EnumProperty(['user'], 'UserCallerKind')
  kind: 'user';

  @ApiProperty({ description: 'TOTP is on for this account' })
  mfaEnabled: boolean;

  @ApiProperty({ description: 'This token or session may only enrol the second factor the role requires' })
  mfaEnrolmentRequired: boolean;
}

export class TotpEnrolmentDto {
  @TextProperty({ description: 'The TOTP secret, base32 (for typing into an authenticator app)' })
  secret: string;

  @TextProperty({ description: 'The `otpauth://totp/...` URL (for a QR code): SHA-1, 6 digits, 30 s' })
  otpauthUrl: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String], description: 'Ten one-time codes, each usable once in place of `totp`; shown this once' })
  recoveryCodes: string[];
}

/** `GET /auth/me` for an agency system calling with its API key. */
export class ApiKeyCallerDto implements ApiKeyMe {
  @EnumProperty(['api_key'], 'ApiKeyCallerKind')
  kind: 'api_key';

  @UuidProperty({ description: 'The API key' })
  id: string;

  @ApiProperty({ description: 'The name the key was issued under' })
  name: string;

  @EnumProperty(ROLES, 'Role', { description: 'AGENCY for every API key' })
  role: Role;

  @UuidProperty({ nullable: true, description: 'Always null: an agency system has no court' })
  courtId: null;

  @UuidProperty({ nullable: true })
  agencyId: string | null;
}

/** `GET /auth/sign-in-options`: what the sign-in page offers. */
export class SignInOptionsDto {
  @ApiProperty({ description: 'Email and password (with TOTP where enrolled) always work' })
  password: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Where "Sign in with your court\'s account" points (single sign-on), or null when no provider is configured',
    example: '/api/v1/auth/oidc/login',
  })
  oidcLoginUrl: string | null;
}
