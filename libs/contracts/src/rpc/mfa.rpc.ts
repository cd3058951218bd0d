import { z } from 'zod';
import { defineRpc } from './define';
import { tokenPair } from './auth.rpc';

const ctx = z.object({ ip: z.string().max(64).optional(), userAgent: z.string().max(512).optional() });
const id = z.string().uuid();
const ARGON = 15_000;


/**
 * Two-factor sign-in with TOTP (RFC 6238: 6 digits, 30 s). Codes and recovery codes travel in
 * these requests (sealed like every RPC payload) and are never logged; the secret is returned
 * once, at setup.
 */
export const mfaRpc = defineRpc({
  /** Whether two-factor is on for the caller, and how many recovery codes are left. */
  'auth.mfa.status': {
    service: 'auth',
    request: z.object({ userId: id }),
    reply: z.object({
      totp: z.object({ enabled: z.boolean(), enabled_at: z.string().nullable(), recovery_codes_remaining: z.number().int() }),
    }),
  },
  /** A new (not yet enabled) TOTP secret for the caller; 409 MFA_ALREADY_ENABLED when one is on. */
  'auth.mfa.totp.start': {
    service: 'auth',
    request: z.object({ userId: id, ctx }),
    reply: z.object({ secret: z.string(), otpauth_uri: z.string() }),
  },
  /** The first code turns the factor on and returns the recovery codes (shown once). */
  'auth.mfa.totp.verify': {
    service: 'auth',
    request: z.object({ userId: id, code: z.string(), ctx }),
    reply: z.object({ enabled: z.literal(true), recovery_codes: z.array(z.string()) }),
  },
  /** Turns two-factor off, proven by a current code or the password. */
  'auth.mfa.totp.disable': {
    service: 'auth',
    timeoutMs: ARGON,
    request: z.object({ userId: id, code: z.string().optional(), password: z.string().optional(), ctx }),
    reply: z.object({ disabled: z.literal(true) }),
  },
  /** Finishes a sign-in that answered `mfa_required`. */
  'auth.mfa.challenge': {
    service: 'auth',
    request: z.object({ mfa_token: z.string(), code: z.string().optional(), recovery_code: z.string().optional(), ctx }),
    reply: tokenPair,
  },
});
export type MfaMethod = keyof typeof mfaRpc;
