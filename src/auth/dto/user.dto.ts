import { ApiProperty } from '@nestjs/swagger';
import { EnumProperty, InstantProperty, UuidProperty } from '../../common/openapi/properties.js';
import { ROLES, type Role } from '../principal.js';
import type { UserView } from '../users.repository.js';

/** A person's account, as the sign-in answers and the directory's user management show it. */
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
