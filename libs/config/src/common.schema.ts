import { z } from 'zod';
import { devSecret } from './load-config';

/** Boolean env flags: accepts true/false/1/0/yes/no. */
export const envBool = (def: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(def ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const port = (def: number) => z.coerce.number().int().min(0).max(65535).default(def);
export const positiveInt = (def: number) => z.coerce.number().int().positive().default(def);

/** Placeholder default of a secret: replaced by a generated one outside production, refused if set. */
export const SECRET_PLACEHOLDER = 'generated-on-first-start-outside-production';

/**
 * A secret variable: required in production; elsewhere, when unset, a random value made on first
 * start and kept in `.data/dev-secrets/` (see dev-secrets.ts). `placeholder` only marks it.
 */
const secret = (placeholder: string = SECRET_PLACEHOLDER, min = 32) =>
  z.string().min(min, `must be at least ${min} characters`).default(devSecret(placeholder));

/** Variables every app reads. */
export const commonSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/clipyard'),
  DATABASE_POOL_SIZE: positiveInt(10),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key (queues, caches, rate limits): lets several systems share one Redis. */
  REDIS_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]+$/).default('cy'),
  /** Shared secret that seals RPC requests and replies while they sit in Redis. */
  RPC_SECRET: secret(),
  RPC_TIMEOUT_MS: positiveInt(5000),
  /** Seconds a SIGTERM waits for in-flight work before closing anyway. */
  SHUTDOWN_GRACE_S: positiveInt(30),
});
export type CommonConfig = z.infer<typeof commonSchema>;

export { secret as secretVar };
