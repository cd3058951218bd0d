import { z } from 'zod';
import { commonSchema, envBool, loadConfig, port, positiveInt } from '@clipyard/config';
import { storageConfigSchema } from '@clipyard/storage';
import { apiKeyPepperVar, urlPolicyConfigShape } from '@clipyard/security';
import { webhookSecretKeysVar } from './webhooks/webhook-keys';
import { loadOAuthConfig, type OAuthConfig } from './auth/oauth/oauth.config';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** `5s,5m,2h` → milliseconds. */
const durationList = (dflt: string) =>
  z
    .string()
    .default(dflt)
    .transform((s, ctx) => {
      const out = s.split(',').map((p) => p.trim()).filter(Boolean).map((p) => {
        const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(p);
        if (!m) ctx.addIssue({ code: 'custom', message: `"${p}" is not a duration like 30s, 5m or 2h` });
        return m ? Math.round(Number(m[1]) * UNIT_MS[m[2]]) : 0;
      });
      if (!out.length || out.length > 30) ctx.addIssue({ code: 'custom', message: 'needs 1 to 30 comma-separated durations' });
      return out;
    });

export const gatewayConfigSchema = commonSchema.extend(storageConfigSchema.shape).extend({
  GATEWAY_PORT: port(3000),
  GATEWAY_HOST: z.string().default('0.0.0.0'),
  /** Public URL of the API, used in Location headers and signed download links. */
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
  /** The address users reach the dashboard at (the auth app's PUBLIC_URL): the default OAUTH_REDIRECT_ALLOWLIST. */
  PUBLIC_URL: z.string().url().optional(),
  /**
   * Social / OpenID Connect sign-in: `google,github,<name>…`, each with OAUTH_<NAME>_CLIENT_ID and
   * OAUTH_<NAME>_CLIENT_SECRET (and OAUTH_<NAME>_ISSUER for other names); see auth/oauth/oauth.config.ts.
   */
  OAUTH_PROVIDERS: z.string().default(''),
  /** Comma-separated URLs the sign-in callback may redirect to (origin + path prefix); default PUBLIC_URL, else PUBLIC_BASE_URL. */
  OAUTH_REDIRECT_ALLOWLIST: z.string().optional(),
  /** `GET /v1/auth/oauth/providers` (public) per client IP per minute, on each gateway replica. */
  OAUTH_PROVIDERS_IP_PER_MIN: positiveInt(60),
  /** Job submission answers 403 EMAIL_NOT_VERIFIED until the caller's email is verified (set the same in the auth app). */
  REQUIRE_VERIFIED_EMAIL: envBool(false),
  /** Comma-separated origins allowed by CORS; empty = no cross-origin browser access. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean)),
  /** Largest JSON body accepted (uploads have their own, per-plan limit). */
  BODY_LIMIT_BYTES: positiveInt(1024 * 1024),
  /**
   * Slow and stalled clients (ms, 0 = no limit): time to send the request headers, to send the
   * whole request (an upload included), and socket inactivity before the connection is closed.
   */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(0).default(3600_000),
  HTTP_IDLE_TIMEOUT_MS: z.coerce.number().int().min(0).default(300_000),
  /** An upload whose body sends nothing for this long (ms) is answered 408 and its spool file deleted. */
  UPLOAD_IDLE_TIMEOUT_MS: positiveInt(30_000),
  /** Trust X-Forwarded-* from a proxy in front (set when behind an ingress or load balancer). */
  TRUST_PROXY: envBool(false),
  /** How long /health/ready waits for each service's ping. */
  HEALTH_RPC_TIMEOUT_MS: positiveInt(2000),
  /** Retry-After (seconds) sent while a polled job is queued or running. */
  JOB_POLL_RETRY_AFTER_S: positiveInt(2),
  /** How long an Idempotency-Key and its stored response are kept (Stripe: 24 h). */
  IDEMPOTENCY_TTL_S: positiveInt(24 * 3600),
  /** An in-flight key older than this is taken over (its request's process died). */
  IDEMPOTENCY_LOCK_TTL_S: positiveInt(60),
  /**
   * How long a polled job is kept in the gateway's memory (seconds; 0 = read PostgreSQL on every
   * poll). Every change to a job is pushed to every gateway at once; this bounds the rest.
   */
  JOB_STATUS_CACHE_S: z.coerce.number().int().min(0).max(300).default(30),
  /** How often the job reconciler looks for open jobs nothing will ever settle (seconds). */
  JOB_RECONCILE_INTERVAL_S: positiveInt(60),
  /** An open job untouched this long is checked against BullMQ (and failed with JOB_LOST if nothing will finish it). */
  JOB_RECONCILE_AFTER_S: positiveInt(300),
  /** `fact_events_alert_age_seconds`: alert when the oldest pending fact event (job, usage, webhook events) is older. */
  FACT_EVENTS_ALERT_AGE_S: positiveInt(300),
  /** Parallel job events (progress, completed, failed) the gateway applies. */
  JOB_EVENTS_CONCURRENCY: positiveInt(16),
  /** Hard cap on one upload whatever the plan says (bytes). */
  UPLOAD_MAX_BYTES: positiveInt(4 * 1024 * 1024 * 1024),
  /** The ffprobe that checks uploads (Debian: ffmpeg). */
  FFPROBE_PATH: z.string().min(1).default('ffprobe'),
  /** ffprobe time limit for an upload (ms). */
  UPLOAD_PROBE_TIMEOUT_MS: positiveInt(20_000),
  /** The URL policy's development switch (media URL inputs, webhook and callback URLs). */
  ...urlPolicyConfigShape,
  /** Accept `{video_page_url}` job inputs (read by the workers with yt-dlp; set the same on both). */
  VIDEO_PAGE_INPUTS: envBool(false),
  /** A URL input is fetched and probed at submission: its time limit (seconds, all redirects and the body). */
  URL_FETCH_TIMEOUT_S: positiveInt(120),
  URL_MAX_REDIRECTS: z.coerce.number().int().min(0).max(10).default(5),
  /** Where uploads are spooled while ffprobe checks them, before they move to storage. */
  UPLOAD_TMP_DIR: z.string().min(1).default('.data/tmp/uploads'),
  /** How often the retention sweep runs (seconds); one gateway replica runs it at a time. */
  RETENTION_SWEEP_INTERVAL_S: positiveInt(3600),
  /** Pepper of the API key hash (the cache key); must equal the auth app's. */
  API_KEY_PEPPER: apiKeyPepperVar(),
  /** Expected `iss` / `aud` of access tokens (the auth app's JWT_ISSUER / JWT_AUDIENCE). */
  JWT_ISSUER: z.string().default('clipyard'),
  JWT_AUDIENCE: z.string().default('clipyard-api'),
  /** How often the gateway refetches the auth app's public keys (seconds); an unknown kid refetches early. */
  JWKS_REFRESH_S: positiveInt(300),
  /**
   * How long the gateway keeps an API key's entry in memory (seconds; 0 = always ask Redis).
   * Revocations reach every gateway at once by pub/sub; this bounds the rest.
   */
  API_KEYS_LOCAL_CACHE_S: z.coerce.number().int().min(0).max(300).default(30),
  /** Authenticated requests per user per minute on each gateway replica (0 = no limit). */
  API_REQUESTS_PER_MIN: z.coerce.number().int().min(0).default(3000),
  /** API key lookups that reach the auth app (keys Redis has not seen) allowed per client IP per minute. */
  API_KEYS_MISS_IP_PER_MIN: positiveInt(120),
  /** API key usage counters are sent to the auth app in one batch this often (ms). */
  API_KEYS_USAGE_FLUSH_MS: positiveInt(5000),
  /** Versioned AES-256-GCM keys (`<version>:<base64 32 bytes>`, comma-separated) sealing webhook secrets. */
  WEBHOOK_SECRET_KEYS: webhookSecretKeysVar(),
  /**
   * Delays before each retry of a webhook delivery (`ms`, `s`, `m`, `h`, `d`), each with ±10 % jitter;
   * attempts = retries + 1. Default: Standard Webhooks' example schedule, about three days in all.
   */
  WEBHOOK_RETRY_SCHEDULE: durationList('5s,5m,30m,2h,5h,10h,14h,20h,24h'),
  /** Time a receiver has to answer one delivery. */
  WEBHOOK_TIMEOUT_MS: positiveInt(10_000),
  WEBHOOK_CONCURRENCY: positiveInt(10),
  WEBHOOK_MAX_ENDPOINTS: positiveInt(10),
  /** After a secret rotation, how long the previous secret still signs (alongside the new one). */
  WEBHOOK_ROTATION_OVERLAP_HOURS: z.coerce.number().min(0).max(720).default(24),
  /** How often counted API requests are flushed to billing as `usage.requests` events. */
  USAGE_FLUSH_MS: positiveInt(5000),
  /** Folder of the built dashboard (`npm run build` writes it); served at `/`. */
  WEB_DIR: z.string().min(1).default('dist/web'),
  /**
   * `Secure` on the dashboard's session cookies. Browsers keep Secure cookies from http://localhost
   * (a secure context); set false only to try the dashboard over plain http on another host name.
   */
  SESSION_COOKIE_SECURE: envBool(true),
  /** Lifetime of the session cookies (seconds); match the auth app's REFRESH_TTL_DAYS. */
  SESSION_COOKIE_MAX_AGE_S: positiveInt(30 * 86_400),
});
/** The validated environment, plus the sign-in providers (their variable names are made of the provider names). */
export type GatewayConfig = z.infer<typeof gatewayConfigSchema> & { OAUTH: OAuthConfig };
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
export const loadGatewayConfig = (env: Record<string, string | undefined> = process.env): GatewayConfig => {
  const base = loadConfig(gatewayConfigSchema, env);
  return { ...base, OAUTH: loadOAuthConfig(env, base) };
};
