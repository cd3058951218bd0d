import { z } from 'zod';
import { defineRpc } from './define';
import { mfaRequired, tokenPair } from './auth.rpc';

const ctx = z.object({ ip: z.string().max(64).optional(), userAgent: z.string().max(512).optional() });
const id = z.string().uuid();
/** Every "we may have sent you an email" answer is this one body, whether the account exists or not. */
export const acceptedReply = z.object({ accepted: z.literal(true) });
export type AcceptedReply = z.infer<typeof acceptedReply>;
const ARGON = 15_000;

/**
 * Accounts over email (verification, password reset, magic link and code, email change, deletion).
 * Tokens and codes travel in these requests (sealed like every RPC payload while in Redis) and are
 * never echoed in a reply.
 */
export const accountEmailRpc = defineRpc({
  /** `{token}` from the link, or `{code}` for the caller's own account (`userId` set by the gateway). */
  'auth.email.verify': {
    service: 'auth',
    request: z.object({ token: z.string().optional(), code: z.string().optional(), userId: id.optional(), ctx }),
    reply: z.object({ email_verified: z.literal(true) }),
  },
  'auth.email.resend': { service: 'auth', request: z.object({ email: z.string(), ctx }), reply: acceptedReply },
  'auth.password.forgot': { service: 'auth', request: z.object({ email: z.string(), ctx }), reply: acceptedReply },
  'auth.password.reset': {
    service: 'auth',
    timeoutMs: ARGON,
    request: z.object({ token: z.string(), new_password: z.string(), ctx }),
    reply: z.object({ ok: z.literal(true), revoked_sessions: z.number().int() }),
  },
  /** `callerUserId`: the signed-in caller, when credentials came along (an anonymous caller's link upgrades it). */
  'auth.magicLink.request': { service: 'auth', request: z.object({ email: z.string(), callerUserId: id.optional(), ctx }), reply: acceptedReply },
  'auth.magicLink.verify': {
    service: 'auth',
    request: z.object({ token: z.string().optional(), email: z.string().optional(), code: z.string().optional(), ctx }),
    /** With two-factor on: `mfa_required` and an mfa_token instead of the tokens. */
    reply: z.union([tokenPair.extend({ created: z.boolean() }), mfaRequired]),
  },
  'auth.email.change': {
    service: 'auth',
    timeoutMs: ARGON,
    request: z.object({ userId: id, new_email: z.string(), password: z.string(), ctx }),
    reply: acceptedReply,
  },
  'auth.email.confirmChange': {
    service: 'auth',
    request: z.object({ token: z.string(), ctx }),
    reply: z.object({ email: z.string(), email_verified: z.literal(true) }),
  },
  /** Deletes the account: `password`, or (passwordless accounts) a session opened by a magic link minutes ago. */
  'auth.me.delete': {
    service: 'auth',
    timeoutMs: ARGON,
    request: z.object({ userId: id, sessionId: id.optional(), password: z.string().optional(), ctx }),
    reply: z.object({ deleted: z.literal(true) }),
  },
});
export type AccountEmailMethod = keyof typeof accountEmailRpc;

/** Paths (on PUBLIC_URL) the emailed links open: pages that show a button which POSTs the token. A GET never consumes it. */
export const ACCOUNT_LINK_PATHS = {
  verify: '/account/verify-email',
  reset: '/account/reset-password',
  magic_link: '/account/magic-link',
  email_change: '/account/confirm-email',
} as const;
