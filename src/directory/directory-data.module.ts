import { Module } from '@nestjs/common';
import { ApiKeysRepository } from './api-keys.repository.js';
import { UsersRepository } from './users.repository.js';

/**
 * The directory's repositories of people and keys, on their own so that auth (which signs people
 * in) and the directory (which manages them) share them without importing each other in a cycle.
 */
@Module({
  providers: [UsersRepository, ApiKeysRepository],
  exports: [UsersRepository, ApiKeysRepository],
})
export class DirectoryDataModule {}
