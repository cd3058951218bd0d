import { z } from 'zod';
import { devSecret } from '@clipyard/config';
import { parseMasterKeys } from './envelope';

/**
 * `ENCRYPTION_KEYS` for any app that seals or opens secrets (auth, media-worker): a
 * comma-separated `<version>:<base64 32 bytes>` list; the highest version encrypts. The default
 * only works in development (production refuses it).
 */
export const encryptionKeysVar = () =>
  z
    .string()
    .default(devSecret('1:ZGV2LW9ubHktY2xpcHlhcmQtbWFzdGVyLWtleS0wMDE='))
    .superRefine((v, ctx) => {
      try {
        parseMasterKeys(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
      }
    });

/** `API_KEY_PEPPER`: server secret of the API key hash; the gateway and auth app must share it. */
export const apiKeyPepperVar = () =>
  z.string().min(32, 'must be at least 32 characters').default(devSecret('dev-api-key-pepper-change-me-0123456789'));
