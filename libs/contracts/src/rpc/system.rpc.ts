import { z } from 'zod';
import { defineRpc } from './define';

const pong = z.object({
  service: z.string(),
  ok: z.literal(true),
  time: z.string(),
  /** What the service lacks to do its work (the media worker: ffmpeg, ffprobe, the font). */
  missing: z.array(z.string()).optional(),
});

/** Liveness pings the gateway's readiness check sends to each service. */
export const systemRpc = defineRpc({
  'auth.ping': { service: 'auth', request: z.object({}), reply: pong },
  'billing.ping': { service: 'billing', request: z.object({}), reply: pong },
  'media.ping': { service: 'media', request: z.object({}), reply: pong },
});
