import { z } from 'zod';
import { ConfigError, commonSchema, envBool, loadConfig, port, positiveInt } from '@clipyard/config';
import { apiKeyPepperVar, encryptionKeysVar, urlPolicyConfigShape } from '@clipyard/security';

export const authConfigSchema = commonSchema.extend({
  /** Small HTTP port for health and metrics. */
  AUTH_HTTP_PORT: port(3001),
  /** Versioned AES-256-GCM master keys `<version>:<base64 32 bytes>,…`; the highest encrypts. */
  ENCRYPTION_KEYS: encryptionKeysVar(),
  /** Pepper of the API key HMAC; the gateway must have the same value. */
  API_KEY_PEPPER: apiKeyPepperVar(),
  /** `iss` and `aud` of access tokens. */
  JWT_ISSUER: z.string().default('clipyard'),
  JWT_AUDIENCE: z.string().default('clipyard-api'),
  /** Access token lifetime (seconds). */
  JWT_ACCESS_TTL_S: positiveInt(15 * 60),
  /** Refresh token (and session) lifetime (days). */
  REFRESH_TTL_DAYS: positiveInt(30),
  /** A rotated refresh token presented again within this window returns the same child (two tabs). */
  REFRESH_REUSE_GRACE_S: z.coerce.number().int().min(0).default(10),
  /** A new signing key is made when the current one is older than this (days). */
  JWT_ROTATION_DAYS: positiveInt(30),
  /** Active (non-revoked, non-expired) API keys allowed per user. */
  API_KEYS_MAX_ACTIVE: positiveInt(5),
  API_KEYS_DEFAULT_EXPIRY_DAYS: positiveInt(365),
  /** Default grace period of a rolled key (seconds). */
  API_KEYS_ROLL_GRACE_S: z.coerce.number().int().min(0).default(24 * 3600),
  /** How long the gateway may serve an API key lookup from Redis (seconds). */
  API_KEYS_CACHE_TTL_S: positiveInt(300),
  /** The URL policy's development switch: provider base URLs may be http:// and private/loopback. */
  ...urlPolicyConfigShape,
  /** Login: failures per account before a temporary lockout, and its length (seconds). */
  LOGIN_MAX_FAILURES: positiveInt(5),
  LOGIN_LOCKOUT_S: positiveInt(15 * 60),
  /** Per-IP attempts per minute on login/token, register and check-email. */
  LOGIN_IP_PER_MIN: positiveInt(100),
  REGISTER_IP_PER_HOUR: positiveInt(100),
  CHECK_EMAIL_IP_PER_MIN: positiveInt(10),
  /** First admin created by `bootstrap-admin` (otherwise admin@localhost and a generated password). */
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  /** Outgoing mail server (`smtp://user:pass@host:587`, `smtps://…`). Unset outside production: `.eml` files in MAIL_DIR. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  /** Sender of every email (`Name <address>` or an address). */
  MAIL_FROM: z.string().min(3).max(320).default('Clipyard <no-reply@localhost>'),
  /** Where emails are written as .eml files when SMTP_URL is unset (development and tests). */
  MAIL_DIR: z.string().default('.data/mail'),
  /** The address users reach the system at; emailed links are built on it. */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** Product name in email subjects and bodies. */
  PRODUCT_NAME: z.string().min(1).max(60).default('Clipyard'),
  /** Job submission and API key creation answer 403 EMAIL_NOT_VERIFIED until the address is verified. */
  REQUIRE_VERIFIED_EMAIL: envBool(false),
  /** A magic link or code for an unknown address creates a (verified, passwordless) account. */
  PASSWORDLESS_SIGNUP: envBool(false),
  /** Email flows (forgot, magic link, resend, verify, reset): requests per IP per hour, and emails per address per hour. */
  EMAIL_FLOW_IP_PER_HOUR: positiveInt(60),
  EMAIL_FLOW_PER_EMAIL_PER_HOUR: positiveInt(5),
  /** New anonymous (trial) users per IPv4 address or IPv6 /64 per hour. */
  ANONYMOUS_PER_IP_PER_HOUR: positiveInt(10),
  /** Anonymous users untouched (no sign-in, refresh or API key use) for this many days are deleted with their data. */
  ANONYMOUS_TTL_DAYS: positiveInt(30),
  /** How often the anonymous TTL sweep runs (seconds). */
  ANONYMOUS_SWEEP_S: positiveInt(3600),
  /** Delivery attempts of an outbox row (exponential backoff from OUTBOX_BACKOFF_MS) before it is marked failed. */
  OUTBOX_MAX_ATTEMPTS: positiveInt(15),
  OUTBOX_BACKOFF_MS: positiveInt(2000),
});
export type AuthConfig = z.infer<typeof authConfigSchema>;
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
export function loadAuthConfig(env?: Record<string, string | undefined>): AuthConfig {
  const config = loadConfig(authConfigSchema, env);
  if (config.NODE_ENV === 'production' && !config.SMTP_URL) {
    throw new ConfigError(['SMTP_URL: required when NODE_ENV=production (emails are only written to files in development)']);
  }
  return config;
}
