import { LocalStorage } from './local.driver';
import { S3Storage } from './s3.driver';
import type { Storage } from './storage';
import type { StorageConfig } from './storage.config';
import { LocalUrlSigner } from './url-signer';

/** Builds the configured driver; fails fast when the S3 driver is chosen without a bucket. */
export interface StorageFactoryOptions {
  /** Where local signed links point (the gateway's PUBLIC_BASE_URL). */
  publicBaseUrl?: string;
}

export function createStorage(config: StorageConfig, opts: StorageFactoryOptions = {}): Storage {
  if (config.STORAGE_DRIVER === 's3') {
    if (!config.S3_BUCKET) throw new Error('STORAGE_DRIVER=s3 needs S3_BUCKET');
    return new S3Storage({
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
  }
  return new LocalStorage(config.STORAGE_LOCAL_DIR, createUrlSigner(config, opts));
}

/** The HMAC signer for local download links (the gateway's download route verifies with it). */
export const createUrlSigner = (config: StorageConfig, opts: StorageFactoryOptions = {}) =>
  new LocalUrlSigner(config.STORAGE_URL_SECRET, opts.publicBaseUrl);
