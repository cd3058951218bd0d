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
  /** Named prepared statements for the hottest statements (sign-in); false behind PgBouncer's transaction mode. */
  DB_PREPARED_STATEMENTS: envBool(true),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
  /**
   * A Redis Cluster instead of one server: `host:port` of one or more of its nodes, comma-separated
   * (the others are discovered). Every connection then goes through an ioredis Cluster, and each
   * queue's keys get a hash tag of their own. REDIS_URL still gives the user, password and TLS
   * (`rediss://`) of the nodes; its host and port are not used.
   */
  REDIS_CLUSTER_NODES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const nodes: { host: string; port: number }[] = [];
      for (const entry of v.split(',').map((e) => e.trim()).filter(Boolean)) {
        const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(entry);
        const port = m ? Number(m[2]) : 0;
        if (!m || port < 1 || port > 65535) {
          ctx.addIssue({ code: 'custom', message: `"${entry}" is not host:port (e.g. redis-0.redis:6379,redis-1.redis:6379)` });
          return z.NEVER;
        }
        nodes.push({ host: m[1].replace(/^\[|\]$/g, ''), port });
      }
      if (!nodes.length) {
        ctx.addIssue({ code: 'custom', message: 'names no node (host:port,host:port,…)' });
        return z.NEVER;
      }
      return nodes;
    }),
  /** Prefix of every Redis key (queues, caches, rate limits): lets several systems share one Redis. */
  REDIS_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]+$/).default('cy'),
  /** Shared secret that seals RPC requests and replies while they sit in Redis. */
  RPC_SECRET: secret(),
  RPC_TIMEOUT_MS: positiveInt(5000),
  /**
   * Circuit breaker: a call to a service that has not answered anything for 5 s is sent with a
   * ping; when the ping is not answered within this long the call fails at once with 503 instead
   * of waiting out its own timeout (login's is 15 s). A live but busy service keeps the full timeout.
   */
  RPC_PING_TIMEOUT_MS: positiveInt(1500),
  /**
   * Bench only: the gateway logs each submission's stage stamps (insert sent, committed, add sent,
   * added) and the media worker its own (job handed over, handler start, job.started sent) on the
   * `media job started` line, monotonic ns (`npm run bench -- deployed` reads them). Off: nothing.
   */
  JOB_STAGE_LOG: envBool(false),
  /** Seconds a SIGTERM waits for in-flight work before closing anyway. */
  SHUTDOWN_GRACE_S: positiveInt(30),
});
export type CommonConfig = z.infer<typeof commonSchema>;

export { secret as secretVar };
