import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { CreateUserDto } from './dto/directory.dto.js';
import { UsersService } from './users.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { UserDto } from './dto/directory-responses.dto.js';

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

  @Get(':id')
  @Access('ANY')
  @ApiOperation({ summary: 'A user' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: UserDto })
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<UserDto> {
    return this.users.get(actor, id);
  }
}
