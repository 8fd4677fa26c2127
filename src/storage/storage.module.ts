import { Global, Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../common/config/app-config.js';
import { StoredFile, StoredFileChunk } from './entities/stored-file.entity.js';
import { FILE_STORAGE, type FileStorage } from './file-storage.js';
import { LocalFileStorage } from './local-file-storage.js';
import { PostgresFileStorage } from './postgres-file-storage.js';
import { S3FileStorage } from './s3-file-storage.js';

/** The storage driver STORAGE_DRIVER names, one implementation each, behind the FILE_STORAGE token. */
@Global()
@Module({})
export class StorageModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: StorageModule,
      imports: [TypeOrmModule.forFeature([StoredFile, StoredFileChunk])],
      providers: [
        {
          provide: FILE_STORAGE,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource): FileStorage => {
            switch (config.storageDriver) {
              case 'local':
                return new LocalFileStorage(config.storageDir);
              case 'postgres':
                return new PostgresFileStorage(dataSource);
              case 's3':
                return new S3FileStorage(config.s3 as NonNullable<AppConfig['s3']>);
            }
          },
        },
      ],
      exports: [FILE_STORAGE],
    };
  }
}
