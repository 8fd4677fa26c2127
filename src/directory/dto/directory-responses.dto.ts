import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../auth/principal.js';
import { DateProperty, EnumProperty, InstantProperty, TextProperty, UuidProperty } from '../../common/openapi/properties.js';
import type { AgencyView } from '../agencies.service.js';
import type { ClosureView, CourtView } from '../courts.service.js';
import { AGENCY_KINDS, type AgencyKind } from '../entities/agency.entity.js';
import type { ApiKeyView } from '../api-keys.repository.js';
import type { UserView } from '../users.service.js';

export class CourtDto implements CourtView {
  @UuidProperty()
  id: string;

  @ApiProperty({ example: 'Travis County Juvenile Court' })
  name: string;

  @ApiProperty({ example: 'TX' })
  state: string;

  @ApiProperty({ example: 'Travis' })
  county: string;

  @ApiProperty({ example: 'America/Chicago', description: 'IANA time zone; court days are counted in it' })
  timezone: string;

  @InstantProperty()
  createdAt: Date;
}

export class ClosureDto implements ClosureView {
  @UuidProperty()
  id: string;

  @UuidProperty()
  courtId: string;

  @DateProperty()
  date: string;

  @ApiProperty({ example: 'Court closed for Christmas Eve' })
  name: string;
}

export class AgencyDto implements AgencyView {
  @UuidProperty()
  id: string;

  @ApiProperty()
  name: string;

  @EnumProperty(AGENCY_KINDS, 'AgencyKind')
  kind: AgencyKind;

  @ApiProperty({ example: 'TX' })
  state: string;

  @InstantProperty()
  createdAt: Date;
}

export class UserDto implements UserView {
  @UuidProperty()
  id: string;

  @ApiProperty({ example: 'clerk@court.example' })
  email: string;

  @ApiProperty()
  name: string;

  @EnumProperty(ROLES, 'Role')
  role: Role;

  @UuidProperty({ nullable: true, description: 'JUDGE and CLERK: their court' })
  courtId: string | null;

  @UuidProperty({ nullable: true, description: 'AGENCY: their agency' })
  agencyId: string | null;

  @ApiProperty({ description: 'A disabled user cannot sign in; their tokens and sessions have ended' })
  disabled: boolean;

  @InstantProperty()
  createdAt: Date;
}

/** A user in the ADMIN's list. */
export class UserListItemDto extends UserDto {
  @ApiProperty({ description: 'TOTP is on for this user' })
  mfaEnabled: boolean;
}

/** An API key as listed: never the key itself. */
export class ApiKeyDto implements ApiKeyView {
  @UuidProperty()
  id: string;

  @ApiProperty({ example: 'Case-management system' })
  name: string;

  @TextProperty({ description: 'The public part of the key (`cmfc_<prefix>_…`), to tell keys apart' })
  prefix: string;

  @UuidProperty()
  agencyId: string;

  @InstantProperty()
  createdAt: Date;

  @InstantProperty({ nullable: true, description: 'Kept to the minute (no write per request)' })
  lastUsedAt: Date | null;

  @InstantProperty({ description: 'When the key stops working: at most a year after it was issued' })
  expiresAt: Date;

  @InstantProperty({ nullable: true })
  revokedAt: Date | null;
}

/** A new API key: the only answer that carries the key itself (it is stored hashed). */
export class IssuedApiKeyDto extends ApiKeyDto {
  @TextProperty({ description: 'Send as `X-API-Key`; shown this once' })
  key: string;
}
