import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { AgenciesController } from './agencies.controller.js';
import { AgenciesRepository } from './agencies.repository.js';
import { DirectoryDataModule } from './directory-data.module.js';
import { AgenciesService } from './agencies.service.js';
import { CourtsController } from './courts.controller.js';
import { CourtsRepository } from './courts.repository.js';
import { CourtsService } from './courts.service.js';
import { UserContactsRepository } from './user-contacts.repository.js';
import { Agency } from './entities/agency.entity.js';
import { ApiKey } from './entities/api-key.entity.js';
import { CourtClosure } from './entities/court-closure.entity.js';
import { Court } from './entities/court.entity.js';
import { User } from './entities/user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

/** Courts (with closures), agencies, users. Other features reach these tables through the exported services. */
@Module({
  imports: [TypeOrmModule.forFeature([Court, CourtClosure, Agency, User, ApiKey]), AuthModule, DirectoryDataModule],
  controllers: [CourtsController, AgenciesController, UsersController],
  providers: [CourtsRepository, AgenciesRepository, CourtsService, AgenciesService, UsersService, UserContactsRepository],
  exports: [CourtsService, AgenciesService, UsersService, UserContactsRepository],
})
export class DirectoryModule {}
