import { z } from 'zod';
import { PROVIDER_IDS } from '../auth';
import { defineRpc } from './define';

/** RPC methods the media service answers. */
export const mediaRpc = defineRpc({
  /**
   * One cheap authenticated call to the provider with the user's stored key (opened in the worker
   * only). `ok: false` carries the coded reason (PROVIDER_KEY_REJECTED, PROVIDER_UNAVAILABLE…);
   * 404 PROVIDER_KEY_NOT_FOUND when no key is stored.
   */
  'media.providerKey.test': {
    service: 'media',
    timeoutMs: 20_000,
    request: z.object({ userId: z.string().uuid(), provider: z.enum(PROVIDER_IDS) }),
    reply: z.object({
      provider: z.enum(PROVIDER_IDS),
      ok: z.boolean(),
      code: z.string().optional().describe('Why the key did not work (PROVIDER_KEY_REJECTED, PROVIDER_UNAVAILABLE, PROVIDER_TIMEOUT, URL_FORBIDDEN…)'),
      message: z.string().optional(),
      http_status: z.number().int().optional().describe("The provider's HTTP status, when it answered"),
      latency_ms: z.number().int(),
      checked_at: z.string(),
    }),
  },
});
