import { ApiProperty } from '@nestjs/swagger';
import { EnumProperty, UuidProperty } from '../../common/openapi/properties.js';
import { UserDto } from '../../directory/dto/directory-responses.dto.js';
import type { TokenResponse } from '../auth.service.js';
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
}

/** `GET /auth/me` for an agency system calling with its API key. */
export class ApiKeyCallerDto {
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
