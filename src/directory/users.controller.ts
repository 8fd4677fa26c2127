import { Body, Controller, Delete, Get, HttpCode, Inject, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '../common/pagination/pagination.js';
import { PageOf } from '../common/openapi/page.dto.js';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { CreateUserDto, UpdateUserDto, UserListQuery } from './dto/directory.dto.js';
import { UsersService } from './users.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { UserDto } from '../auth/dto/user.dto.js';
import { UserListItemDto } from './dto/directory-responses.dto.js';

@ApiTags('directory')
@Controller('users')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Post()
  @Access('ADMIN')
  @ApiOperation({ summary: 'Create a user' })
  @ApiProblems(400, [409, 'A user with this email exists'])
  @ApiCreatedResponse({ type: UserDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, dto);
  }

  @Get()
  @Access('ADMIN')
  @ApiOperation({ summary: 'Users, filtered by role, court, agency or disabled' })
  @ApiProblems(400)
  @ApiOkResponse({ type: PageOf(UserListItemDto) })
  list(@Query() query: UserListQuery): Promise<Page<UserListItemDto>> {
    return this.users.list(query);
  }

  @Get(':id')
  @Access('ANY')
  @ApiOperation({ summary: 'A user' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: UserDto })
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<UserDto> {
    return this.users.get(actor, id);
  }

  /** A disable, or a new role or tenant, ends every token and session of the user at once. */
  @Patch(':id')
  @Access('ADMIN')
  @ApiOperation({ summary: "Change a user's name, role, court, agency or disable them" })
  @ApiProblems(400, 404, [409, 'An ADMIN cannot disable or re-role their own account'])
  @ApiOkResponse({ type: UserDto })
  update(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(actor, id, dto);
  }

  /** Resets a lost authenticator: TOTP and recovery codes removed, the user's tokens and sessions ended. */
  @Delete(':id/mfa')
  @HttpCode(204)
  @Access('ADMIN')
  @ApiOperation({ summary: "Reset a user's lost authenticator" })
  @ApiProblems(400, 404)
  @ApiNoContentResponse({ description: 'Reset; the user signs in with the password and enrols again' })
  async resetMfa(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<void> {
    await this.users.resetMfa(actor, id);
  }
}
