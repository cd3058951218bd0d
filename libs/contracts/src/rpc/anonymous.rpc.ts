import { z } from 'zod';
import { defineRpc } from './define';
import { tokenPair, userView } from './auth.rpc';

const ctx = z.object({ ip: z.string().max(64).optional(), userAgent: z.string().max(512).optional() });
const id = z.string().uuid();
const ARGON = 15_000;

/**
 * Anonymous trial: a user without an email or password, signed in at once, on billing's `trial`
 * plan (the gateway asks billing for it before handing out the tokens), later upgraded in place.
 */
export const anonymousRpc = defineRpc({
  /** A new anonymous user and its first session (rate limited per IP, IPv6 per /64). */
  'auth.anonymous.create': {
    service: 'auth',
    request: z.object({ ctx }),
    reply: tokenPair.extend({ user_id: id, is_anonymous: z.literal(true) }),
  },
  /** Gives the anonymous caller an email and password; same user id, jobs and usage. 409 ACCOUNT_EXISTS for a taken email. */
  'auth.anonymous.upgrade': {
    service: 'auth',
    timeoutMs: ARGON,
    request: z.object({ userId: id, email: z.string(), password: z.string(), ctx }),
    reply: userView,
  },
});
export type AnonymousMethod = keyof typeof anonymousRpc;
