import { z } from 'zod';
import { devSecret } from '@clipyard/config';
import { parseMasterKeys } from './envelope';

/**
 * A versioned key list for KeyRing: comma-separated `<version>:<base64 32 bytes>`; the highest
 * version seals. `devDefault` only works in development (production refuses it).
 */
export const masterKeysVar = (devDefault: string) =>
  z
    .string()
    .default(devSecret(devDefault))
    .superRefine((v, ctx) => {
      try {
        parseMasterKeys(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
      }
    });

/** `ENCRYPTION_KEYS` for any app that seals or opens provider keys (auth, media-worker). */
export const encryptionKeysVar = () => masterKeysVar('1:ZGV2LW9ubHktY2xpcHlhcmQtbWFzdGVyLWtleS0wMDE=');

/** `API_KEY_PEPPER`: server secret of the API key hash; the gateway and auth app must share it. */
export const apiKeyPepperVar = () =>
  z.string().min(32, 'must be at least 32 characters').default(devSecret('dev-api-key-pepper-change-me-0123456789'));
