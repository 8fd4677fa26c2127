import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AgenciesController } from './agencies.controller.js';
import { AgenciesService } from './agencies.service.js';
import { CourtsController } from './courts.controller.js';
import { CourtsService } from './courts.service.js';
import { UserContactsRepository } from './user-contacts.repository.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [AuthModule],
  controllers: [CourtsController, AgenciesController, UsersController],
  providers: [CourtsService, AgenciesService, UsersService, UserContactsRepository],
  exports: [CourtsService, AgenciesService, UsersService, UserContactsRepository],
})
export class DirectoryModule {}
