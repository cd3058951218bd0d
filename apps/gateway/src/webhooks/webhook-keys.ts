import { z } from 'zod';
import { devSecret } from '@clipyard/config';

/** `<version>:<base64 32 bytes>` entries, comma-separated; the highest version seals. */
export function parseWebhookKeys(spec: string): Map<number, Buffer> {
  const keys = new Map<number, Buffer>();
  for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^v?(\d+):(.+)$/.exec(entry);
    if (!m) throw new Error('each entry must be <version>:<base64 key>');
    const key = Buffer.from(m[2], 'base64');
    if (key.length !== 32) throw new Error(`key version ${m[1]} must be 32 bytes of base64`);
    if (keys.has(Number(m[1]))) throw new Error('versions must be unique');
    keys.set(Number(m[1]), key);
  }
  if (!keys.size) throw new Error('at least one key is required');
  return keys;
}

/** Config variable for the webhook secret keys; the default is refused in production. */
export const webhookSecretKeysVar = () =>
  z
    .string()
    .default(devSecret('1:ZGV2LW9ubHktY2xpcHlhcmQtd2ViaG9vay1rZXktMDE='))
    .superRefine((v, ctx) => {
      try {
        parseWebhookKeys(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
      }
    });
