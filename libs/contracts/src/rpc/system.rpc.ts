import { z } from 'zod';
import { defineRpc } from './define';

const pong = z.object({ service: z.string(), ok: z.literal(true), time: z.string() });

/** Liveness pings the gateway's readiness check sends to each service. */
export const systemRpc = defineRpc({
  'auth.ping': { service: 'auth', request: z.object({}), reply: pong },
  'billing.ping': { service: 'billing', request: z.object({}), reply: pong },
  'media.ping': { service: 'media', request: z.object({}), reply: pong },
});
