import { z } from 'zod';
import { envBool, positiveInt, secretVar } from '@clipyard/config';

/**
 * Storage variables. Apps that touch storage extend their schema with it:
 * `commonSchema.extend(storageConfigSchema.shape)`.
 */
export const storageConfigSchema = z.object({
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  /** Root folder of the local driver. */
  STORAGE_LOCAL_DIR: z.string().min(1).default('.data/storage'),
  /** Signs local-storage download links (HMAC); S3 links are presigned with the S3 credentials. */
  STORAGE_URL_SECRET: secretVar(),
  /** Lifetime of a signed download link. */
  STORAGE_URL_TTL_S: positiveInt(3600),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style addressing, for MinIO, R2 and most self-hosted S3 stores. */
  S3_FORCE_PATH_STYLE: envBool(false),
});
export type StorageConfig = z.infer<typeof storageConfigSchema>;
