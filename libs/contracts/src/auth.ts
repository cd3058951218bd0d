import { registerErrorCodes } from './errors';

/** Auth error codes (stable; clients may switch on them) and their HTTP status. */
export const AUTH_ERROR_STATUS = {
  INVALID_CREDENTIALS: 401,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  API_KEY_INVALID: 401,
  API_KEY_REVOKED: 401,
  API_KEY_EXPIRED: 401,
  REFRESH_TOKEN_INVALID: 401,
  REFRESH_TOKEN_REUSED: 401,
  SESSION_REVOKED: 401,
  ACCOUNT_DISABLED: 403,
  ACCOUNT_LOCKED: 429,
  INSUFFICIENT_ROLE: 403,
  INSUFFICIENT_SCOPE: 403,
  EMAIL_TAKEN: 409,
  USERNAME_TAKEN: 409,
  WEAK_PASSWORD: 422,
  WRONG_PASSWORD: 422,
  API_KEY_LIMIT_REACHED: 409,
  UNSUPPORTED_PROVIDER: 404,
  PROVIDER_KEY_NOT_FOUND: 404,
  UNSUPPORTED_GRANT_TYPE: 400,
  /** REQUIRE_VERIFIED_EMAIL=true and the account's address is not verified yet. */
  EMAIL_NOT_VERIFIED: 403,
  /** A link or code that is unknown, expired, already used, or whose code was guessed wrong too often. */
  LINK_INVALID: 400,
  /** Deleting a passwordless account needs a session opened by a magic link in the last few minutes. */
  REAUTH_REQUIRED: 403,
  CSRF_FAILED: 403,
  /** The email already belongs to another account; nothing is merged (sign in to that account instead). */
  ACCOUNT_EXISTS: 409,
  /** Upgrading needs an anonymous (trial) caller. */
  NOT_ANONYMOUS: 409,
  /** A wrong, expired or already used two-factor code or recovery code (five in a row lock the account like wrong passwords). */
  MFA_CODE_INVALID: 422,
  /** The mfa_token of a sign-in is unknown, expired or already used: sign in again. */
  MFA_TOKEN_INVALID: 401,
  MFA_ALREADY_ENABLED: 409,
  /** No two-factor set up (or not started) for this account. */
  MFA_NOT_ENABLED: 409,
} as const;
registerErrorCodes(AUTH_ERROR_STATUS);
export type AuthErrorCode = keyof typeof AUTH_ERROR_STATUS;

/**
 * Providers a user can store a key for, and what each key serves: `transcription` (an
 * OpenAI-compatible `/audio/transcriptions`) and/or `chat` (language models: OpenAI-compatible
 * `/chat/completions`, or Anthropic's `/messages`). `openai_compatible` is any such server (a
 * self-hosted Whisper, vLLM, Ollama, OpenRouter) at the key's own base URL.
 */
export const PROVIDERS = {
  openai: { name: 'OpenAI', default_base_url: 'https://api.openai.com/v1', requires_base_url: false, uses: ['transcription', 'chat'], chat_api: 'openai' },
  groq: { name: 'Groq', default_base_url: 'https://api.groq.com/openai/v1', requires_base_url: false, uses: ['transcription', 'chat'], chat_api: 'openai' },
  openai_compatible: { name: 'OpenAI-compatible endpoint', default_base_url: null, requires_base_url: true, uses: ['transcription', 'chat'], chat_api: 'openai' },
  anthropic: { name: 'Anthropic', default_base_url: 'https://api.anthropic.com/v1', requires_base_url: false, uses: ['chat'], chat_api: 'anthropic' },
} as const satisfies Record<string, { name: string; default_base_url: string | null; requires_base_url: boolean; uses: readonly ('transcription' | 'chat')[]; chat_api: 'openai' | 'anthropic' }>;
export type ProviderId = keyof typeof PROVIDERS;
export const PROVIDER_IDS = Object.keys(PROVIDERS) as [ProviderId, ...ProviderId[]];
export type ProviderUse = 'transcription' | 'chat';
/** Providers whose keys serve `use`, in the order tried when a job names none. */
export const providersFor = (use: ProviderUse): ProviderId[] =>
  PROVIDER_IDS.filter((id) => (PROVIDERS[id].uses as readonly ProviderUse[]).includes(use));

/**
 * API key scopes. A key created without scopes has every scope except `admin`; `admin` is granted
 * only explicitly, and only to an admin's key. Access tokens (sessions) are not limited by scopes.
 */
export const API_KEY_SCOPES = [
  'jobs:read',
  'jobs:write',
  'files:read',
  'files:write',
  'usage:read',
  'account:read',
  'account:write',
  'webhooks:read',
  'webhooks:write',
  'admin',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
/** What a key created without scopes may do: every scope but `admin`, which is only ever granted explicitly. */
export const UNSCOPED_KEY_SCOPES: readonly ApiKeyScope[] = API_KEY_SCOPES.filter((s) => s !== 'admin');
/** A key's stored scopes → the scopes it has ([] = unscoped). */
export const effectiveScopes = (stored: readonly string[]): readonly string[] => (stored.length ? stored : UNSCOPED_KEY_SCOPES);

/**
 * Redis names the auth app writes and the gateway reads (`prefix` = keyPrefix(REDIS_PREFIX), e.g. `cy:`).
 * Only the auth app writes them.
 */
export const AUTH_REDIS = {
  /** API key lookup entry (JSON ApiKeyCacheEntry) by the key's HMAC. */
  apiKey: (prefix: string, hash: string) => `${prefix}auth:apikey:${hash}`,
  /** Sorted set: revoked session id → epoch ms until which its access tokens could still be presented. */
  revokedSessions: (prefix: string) => `${prefix}auth:revoked-sessions`,
  /** Pub/sub channel: `{ ids: string[], until: number }` when sessions are revoked. */
  sessionRevokedChannel: (prefix: string) => `${prefix}auth:session-revoked`,
  /** Pub/sub channel: an API key's hash each time its entry is replaced (revoke, roll, role or account change). */
  apiKeyChangedChannel: (prefix: string) => `${prefix}auth:apikey-changed`,
};
