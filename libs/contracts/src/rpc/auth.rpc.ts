import { z } from 'zod';
import { API_KEY_SCOPES, PROVIDER_IDS } from '../auth';
import { defineRpc } from './define';

/** Who made the request (for audit events and rate limits). */
const ctx = z.object({ ip: z.string().max(64).optional(), userAgent: z.string().max(512).optional() });
const id = z.string().uuid();
const iso = z.string();
const ok = z.object({ ok: z.literal(true) });
const role = z.enum(['user', 'admin']);
const provider = z.enum(PROVIDER_IDS);

export const userView = z.object({
  id,
  /** Null for an anonymous (trial) user until it is upgraded. */
  email: z.string().nullable(),
  username: z.string().nullable(),
  full_name: z.string().nullable(),
  timezone: z.string().nullable(),
  avatar_url: z.string().nullable(),
  role,
  is_active: z.boolean(),
  /** The address has been proven by a link or code (always true for the bootstrap admin). */
  email_verified: z.boolean(),
  /** False for an account made by a magic link that never set a password (it deletes itself with a fresh magic-link sign-in). */
  has_password: z.boolean(),
  /** A trial user made by POST /v1/auth/anonymous (no email or password yet); POST /v1/auth/upgrade keeps its id and data. */
  is_anonymous: z.boolean(),
  created_at: iso,
});
export const tokenPair = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  refresh_token: z.string(),
  session_id: id,
});
/** What a sign-in answers instead of tokens when the account has two-factor on: finish at POST /v1/auth/mfa/challenge. */
export const mfaRequired = z.object({
  mfa_required: z.literal(true),
  /** Single use, valid 5 minutes; send it with a code from the authenticator app or a recovery code. */
  mfa_token: z.string(),
  expires_in: z.number().int(),
});
export type MfaRequired = z.infer<typeof mfaRequired>;
export const isMfaRequired = (r: object): r is MfaRequired => 'mfa_required' in r && (r as MfaRequired).mfa_required === true;
const sessionView = z.object({
  id,
  created_at: iso,
  last_used_at: iso.nullable(),
  expires_at: iso,
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  current: z.boolean(),
});
export const apiKeyView = z.object({
  id,
  name: z.string(),
  prefix: z.string(),
  last4: z.string(),
  scopes: z.array(z.string()),
  created_at: iso,
  expires_at: iso.nullable(),
  revoked_at: iso.nullable(),
  last_used_at: iso.nullable(),
  last_used_ip: z.string().nullable(),
  total_requests: z.number().int(),
  status: z.enum(['active', 'expiring', 'expired', 'revoked']),
});
const providerKeyView = z.object({
  provider,
  label: z.string().nullable(),
  base_url: z.string().nullable(),
  last4: z.string(),
  status: z.enum(['active', 'error']),
  created_at: iso,
  updated_at: iso,
  last_used_at: iso.nullable(),
  last_error: z.string().nullable(),
  last_error_at: iso.nullable(),
});
const auditView = z.object({
  id,
  user_id: id.nullable(),
  actor_id: id.nullable(),
  action: z.string(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  created_at: iso,
});
/** What the gateway caches for an API key (by its hash) and puts on the request principal. */
export const apiKeyPrincipal = z.object({
  keyId: id,
  userId: id,
  role,
  scopes: z.array(z.string()),
  /** epoch ms, or null for a key that never expires */
  expiresAt: z.number().nullable(),
});
/** A cache entry: a live key, or a tombstone with the code to refuse it with. */
export const apiKeyCacheEntry = z.union([
  apiKeyPrincipal.extend({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), code: z.enum(['API_KEY_INVALID', 'API_KEY_REVOKED', 'API_KEY_EXPIRED', 'ACCOUNT_DISABLED']) }),
]);
export type ApiKeyCacheEntry = z.infer<typeof apiKeyCacheEntry>;
export type UserView = z.infer<typeof userView>;
export type TokenPair = z.infer<typeof tokenPair>;
export type ApiKeyView = z.infer<typeof apiKeyView>;

const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });
const ARGON = 15_000; // argon2 under load can take a while; a login should not 503 because of it

/** RPC methods the auth service answers. */
export const authRpc = defineRpc({
  'auth.register': {
    service: 'auth',
    timeoutMs: ARGON,
    request: z.object({
      email: z.string(),
      username: z.string().optional(),
      password: z.string(),
      full_name: z.string().optional(),
      ctx,
    }),
    reply: userView,
  },
  'auth.login': {
    service: 'auth',
    timeoutMs: ARGON,
    request: z.object({ login: z.string(), password: z.string(), ctx }),
    /** With two-factor on: `mfa_required` and an mfa_token instead of the tokens. */
    reply: z.union([tokenPair, mfaRequired]),
  },
  'auth.refresh': { service: 'auth', request: z.object({ refresh_token: z.string(), ctx }), reply: tokenPair },
  'auth.logout': { service: 'auth', request: z.object({ userId: id, sessionId: id, ctx }), reply: ok },
  'auth.logoutAll': { service: 'auth', request: z.object({ userId: id, ctx }), reply: z.object({ revoked: z.number().int() }) },
  'auth.sessions.list': {
    service: 'auth',
    request: z.object({ userId: id, currentSessionId: id.optional() }),
    reply: list(sessionView),
  },
  'auth.sessions.revoke': { service: 'auth', request: z.object({ userId: id, sessionId: id, ctx }), reply: ok },
  'auth.me.get': { service: 'auth', request: z.object({ userId: id }), reply: userView },
  'auth.me.update': {
    service: 'auth',
    request: z.object({
      userId: id,
      full_name: z.string().nullable().optional(),
      timezone: z.string().nullable().optional(),
      avatar_url: z.string().nullable().optional(),
    }),
    reply: userView,
  },
  'auth.password.change': {
    service: 'auth',
    timeoutMs: ARGON,
    request: z.object({ userId: id, sessionId: id.optional(), current_password: z.string(), new_password: z.string(), ctx }),
    reply: z.object({ ok: z.literal(true), revoked_sessions: z.number().int() }),
  },
  'auth.checkEmail': {
    service: 'auth',
    request: z.object({ email: z.string(), ctx }),
    reply: z.object({ available: z.boolean() }),
  },
  /** The public signing keys (JWKS) the gateway verifies access tokens with. */
  'auth.jwks': {
    service: 'auth',
    request: z.object({}),
    reply: z.object({ keys: z.array(z.object({ kty: z.string(), kid: z.string().optional(), alg: z.string().optional(), use: z.string().optional() }).passthrough()) }),
  },
  'auth.apiKey.create': {
    service: 'auth',
    request: z.object({
      userId: id,
      name: z.string(),
      expires_in_days: z.number().int().optional(),
      scopes: z.array(z.enum(API_KEY_SCOPES)).optional(),
      /** The calling API key's effective scopes (absent for a session): the new key must hold a subset. */
      callerScopes: z.array(z.string()).optional(),
      ctx,
    }),
    reply: apiKeyView.extend({ key: z.string() }),
  },
  'auth.apiKey.list': { service: 'auth', request: z.object({ userId: id }), reply: list(apiKeyView) },
  'auth.apiKey.revoke': { service: 'auth', request: z.object({ userId: id, keyId: id, ctx }), reply: ok },
  'auth.apiKey.roll': {
    service: 'auth',
    request: z.object({ userId: id, keyId: id, grace_seconds: z.number().int().min(0).optional(), callerScopes: z.array(z.string()).optional(), ctx }),
    reply: apiKeyView.extend({ key: z.string(), previous: apiKeyView }),
  },
  /** Cache miss in the gateway: looks the key up by hash, fills the cache, returns the entry. */
  'auth.apiKey.resolve': { service: 'auth', request: z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/) }), reply: apiKeyCacheEntry },
  /** Batched usage counters from a gateway (one call per flush, not per request). */
  'auth.apiKey.recordUsage': {
    service: 'auth',
    request: z.object({
      items: z
        .array(z.object({ keyId: id, count: z.number().int().positive(), lastUsedAt: z.number(), ip: z.string().max(64).nullable() }))
        .max(10_000),
    }),
    reply: z.object({ updated: z.number().int() }),
  },
  'auth.providerKey.set': {
    service: 'auth',
    request: z.object({
      userId: id,
      provider,
      api_key: z.string(),
      base_url: z.string().nullable().optional(),
      label: z.string().nullable().optional(),
      ctx,
    }),
    reply: providerKeyView,
  },
  'auth.providerKey.list': { service: 'auth', request: z.object({ userId: id }), reply: list(providerKeyView) },
  'auth.providerKey.delete': { service: 'auth', request: z.object({ userId: id, provider, ctx }), reply: ok },
  /**
   * For media workers: the user's provider key as ciphertext (never plaintext). Open `envelope`
   * with `new KeyRing(ENCRYPTION_KEYS).open(envelope, providerKeyAad(userId, provider))` from
   * @clipyard/security, only for the call. Without `provider`, the first configured provider
   * serving `use` (default transcription: openai, groq, openai_compatible; chat adds anthropic).
   * 404 PROVIDER_KEY_NOT_FOUND when there is none.
   */
  'auth.providerKey.forWorker': {
    service: 'auth',
    request: z.object({ userId: id, provider: provider.optional(), use: z.enum(['transcription', 'chat']).optional() }),
    reply: z.object({ provider, provider_name: z.string(), base_url: z.string(), envelope: z.string(), key_version: z.number().int() }),
  },
  /** A worker tells the owner that a provider rejected the key (shown as last_error/status). */
  'auth.providerKey.reportError': {
    service: 'auth',
    request: z.object({ userId: id, provider, error: z.string().max(2000) }),
    reply: ok,
  },
  /** A worker's successful test of the key (`POST /v1/provider-keys/{provider}/test`): a recorded error is cleared. */
  'auth.providerKey.reportOk': {
    service: 'auth',
    request: z.object({ userId: id, provider }),
    reply: ok,
  },
  /**
   * For other services' admin routes: records that an admin read or changed another user's data
   * (e.g. billing's admin usage views), so it shows in that user's audit trail.
   */
  'auth.audit.record': {
    service: 'auth',
    request: z.object({
      actorId: id,
      userId: id.nullable(),
      action: z.enum(['admin.read', 'admin.write']),
      metadata: z.record(z.string(), z.unknown()).optional(),
      ctx,
    }),
    reply: ok,
  },
  'auth.audit.list': {
    service: 'auth',
    request: z.object({
      userId: id,
      role,
      filterUserId: id.optional(),
      action: z.string().max(64).optional(),
      before: z.string().optional(),
      limit: z.number().int().min(1).max(100),
    }),
    reply: z.object({ data: z.array(auditView), next_cursor: z.string().nullable() }),
  },
});
