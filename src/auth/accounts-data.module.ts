import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeysRepository } from './api-keys.repository.js';
import { ApiKey } from './entities/api-key.entity.js';
import { User } from './entities/user.entity.js';
import { UserContactsRepository } from './user-contacts.repository.js';
import { UsersRepository } from './users.repository.js';

/**
 * The users and api_keys tables, the accounts that auth signs in. The directory (which manages
 * the users) and the features that write to them (notifications, calendar feeds) use these
 * repositories; auth imports no feature above it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([User, ApiKey])],
  providers: [UsersRepository, ApiKeysRepository, UserContactsRepository],
  exports: [UsersRepository, ApiKeysRepository, UserContactsRepository],
})
export class AccountsDataModule {}
