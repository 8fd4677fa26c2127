import { ApiProperty } from '@nestjs/swagger';
import { DateProperty, EnumProperty, InstantProperty, TextProperty, UuidProperty } from '../../common/openapi/properties.js';
import type { AgencyView } from '../agencies.service.js';
import type { ClosureView, CourtView } from '../courts.service.js';
import { AGENCY_KINDS, type AgencyKind } from '../entities/agency.entity.js';
import type { ApiKeyView } from '../../auth/api-keys.repository.js';
import type { JudgeView } from '../../auth/users.repository.js';
import { UserDto } from '../../auth/dto/user.dto.js';

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

/** A judge of the court, to assign a case to. */
export class JudgeDto implements JudgeView {
  @UuidProperty()
  id: string;

  @ApiProperty({ example: 'Hon. Maria Delgado' })
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
