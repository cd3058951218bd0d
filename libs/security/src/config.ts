import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import { devSecret, secretVar } from '@clipyard/config';
import { parseMasterKeys } from './envelope';

/** A fresh one-key list (`1:<base64 32 random bytes>`): what development makes on first start. */
export const freshMasterKeys = () => `1:${randomBytes(32).toString('base64')}`;

/**
 * A versioned key list for KeyRing: comma-separated `<version>:<base64 32 bytes>`; the highest
 * version seals. Required in production; unset elsewhere, one is generated on first start and
 * kept in `.data/dev-secrets/`. `placeholder` (a valid but published list) only marks the default.
 */
export const masterKeysVar = (placeholder: string) =>
  z
    .string()
    .default(devSecret(placeholder, freshMasterKeys))
    .superRefine((v, ctx) => {
      try {
        parseMasterKeys(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
      }
    });

/** `ENCRYPTION_KEYS` for any app that seals or opens provider keys (auth, media-worker). */
export const encryptionKeysVar = () => masterKeysVar('1:Z2VuZXJhdGVkLW9uLWZpcnN0LXN0YXJ0LTAwMDAwMDA=');

/** `API_KEY_PEPPER`: server secret of the API key hash; the gateway and auth app must share it. */
export const apiKeyPepperVar = () =>
  secretVar();
