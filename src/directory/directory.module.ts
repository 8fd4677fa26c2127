import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsDataModule } from '../auth/accounts-data.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { AgenciesController } from './agencies.controller.js';
import { AgenciesRepository } from './agencies.repository.js';
import { AgenciesService } from './agencies.service.js';
import { CourtsController } from './courts.controller.js';
import { CourtsRepository } from './courts.repository.js';
import { CourtsService } from './courts.service.js';
import { Agency } from './entities/agency.entity.js';
import { CourtClosure } from './entities/court-closure.entity.js';
import { Court } from './entities/court.entity.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

/** Courts (with closures), agencies, and the management of users (whose table is auth's). Other features reach these tables through the exported services. */
@Module({
  imports: [TypeOrmModule.forFeature([Court, CourtClosure, Agency]), AuthModule, AccountsDataModule],
  controllers: [CourtsController, AgenciesController, UsersController],
  providers: [CourtsRepository, AgenciesRepository, CourtsService, AgenciesService, UsersService],
  exports: [CourtsService, AgenciesService, UsersService],
})
export class DirectoryModule {}
