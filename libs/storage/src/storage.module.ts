import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { createStorage, createUrlSigner, type StorageFactoryOptions } from './storage.factory';
import { Storage } from './storage';
import type { StorageConfig } from './storage.config';
import { LocalUrlSigner } from './url-signer';
import { S3Storage } from './s3.driver';

class StorageLifecycle implements OnApplicationShutdown {
  constructor(@Inject(Storage) private readonly storage: Storage) {}
  onApplicationShutdown(): void {
    if (this.storage instanceof S3Storage) this.storage.destroy();
  }
}

/** Provides `Storage` (the configured driver) and `LocalUrlSigner` (to verify local signed links). */
@Global()
@Module({})
export class StorageModule {
  static forRoot(config: StorageConfig, opts: StorageFactoryOptions = {}): DynamicModule {
    return {
      module: StorageModule,
      providers: [
        { provide: Storage, useFactory: () => createStorage(config, opts) },
        { provide: LocalUrlSigner, useFactory: () => createUrlSigner(config, opts) },
        StorageLifecycle,
      ],
      exports: [Storage, LocalUrlSigner],
    };
  }
}
