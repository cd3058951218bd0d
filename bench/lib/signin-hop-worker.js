'use strict';
/**
 * The hop floor's worker (bench/deployed.bench.ts): a bare process, no Nest, started exactly as the
 * auth app is (scripts/lib/app-command.js: its CPU priority and thread pool), answering the auth RPC
 * queue with a raw bullmq `Worker` of concurrency 32 (as libs/queue's RpcServer) and doing a password
 * sign-in's own work as apps/auth's `SessionsService.login` does: the per-IP limiter's consume and
 * the lockout GET on Redis (rate-limiter-flexible, as apps/auth's RateLimits), the user's SELECT,
 * argon2.verify (a dummy hash for an unknown account), the session statement into the scratch
 * copies and the ES256 token (signin-work.js), then the sealed reply PUBLISHed on the caller's
 * channel. Its gateway is signin-hop-gateway.js. Prints `ready`; on SIGTERM stops, deletes every
 * key under its prefix (HOP_PREFIX) and exits.
 */
const argon2 = require('argon2');
const { Worker } = require('bullmq');
const IORedis = require('ioredis');
const { Pool } = require('pg');
const { RateLimiterRedis, RateLimiterRes } = require('rate-limiter-flexible');
const { sealer, names, dropKeys } = require('./signin-hop-common');
const { signInWork } = require('./signin-work');

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const seal = sealer(process.env.HOP_SECRET);
const MAX_FAILURES = Number(process.env.LOGIN_MAX_FAILURES ?? 5);
const LOCKOUT_S = Number(process.env.LOGIN_LOCKOUT_S ?? 15 * 60);
const OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), application_name: 'clipyard-hop-floor' });
const work = signInWork(pool, JSON.parse(process.env.FLOOR_TABLES)); // { sessions, refreshTokens, audit }
// the connections the auth app holds for this: its own client (limits), the RPC server's publisher and its worker's
const redis = new IORedis(url, { maxRetriesPerRequest: 3, enableReadyCheck: true, disableClientInfo: true });
const pub = new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, disableClientInfo: true });
const workerConn = new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, disableClientInfo: true });
const make = (name, points, duration) => new RateLimiterRedis({ storeClient: redis, keyPrefix: names.limiter(name), points, duration });
const loginIp = make('login-ip', Number(process.env.LOGIN_IP_PER_MIN ?? 100), 60);
const failures = make('login-failures', MAX_FAILURES, LOCKOUT_S);
let dummy;

class Refused extends Error {
  constructor(code, status) {
    super(code);
    this.code = code;
    this.status = status;
  }
}

async function login({ login: name, password, ctx }) {
  try {
    await loginIp.consume(ctx.ip ?? 'unknown');
  } catch (e) {
    if (e instanceof RateLimiterRes) throw new Refused('RATE_LIMITED', 429);
    throw e;
  }
  const value = String(name).trim();
  const user = value.includes('@') && value.length <= 254 ? await work.findUser(value) : undefined;
  const account = user?.id ?? value.toLowerCase().slice(0, 254);
  // the lockout: one GET on the failure limiter's key
  const consumed = await redis.get(failures.getKey(account));
  if (consumed !== null && Number.parseInt(consumed, 10) > MAX_FAILURES) throw new Refused('ACCOUNT_LOCKED', 429);
  dummy ??= argon2.hash('clipyard-dummy-password-1', OPTIONS);
  let ok = false;
  try {
    ok = await argon2.verify(user?.password_hash ?? (await dummy), password);
  } catch {
    ok = false;
  }
  if (!ok || !user || !user.is_active) {
    try {
      const res = await failures.consume(account);
      if (res.remainingPoints <= 0) await failures.block(account, LOCKOUT_S);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      await failures.block(account, LOCKOUT_S);
    }
    await work.recordFailed(user?.id, ctx, user ? {} : { login: account.slice(0, 100) });
    throw new Refused('INVALID_CREDENTIALS', 401);
  }
  const pair = await work.open(user, ctx);
  if (!pair) throw new Refused('MFA_REQUIRED', 409);
  if (consumed !== null) await failures.delete(account);
  return pair;
}

const worker = new Worker(
  names.queue,
  async (job) => {
    let env;
    try {
      env = seal.open(job.data.s);
    } catch {
      return; // not sealed with our secret
    }
    if (Date.now() > env.deadline) return; // the caller has given up already
    let reply;
    try {
      if (job.name !== 'auth.login') throw new Refused('BAD_REQUEST', 400);
      reply = { id: env.id, ok: true, result: await login(env.params) };
    } catch (err) {
      reply = { id: env.id, ok: false, error: err instanceof Refused ? { code: err.code, message: err.code, status: err.status } : { code: 'INTERNAL', message: 'Internal error' } };
    }
    await pub.publish(names.replyChannel(env.replyTo), seal.seal(reply));
  },
  { connection: workerConn, prefix: names.bullPrefix, concurrency: 32 },
);
worker.on('error', (err) => console.error(`hop worker: ${err.message}`));
worker.waitUntilReady().then(() => console.log('ready'));

process.on('SIGTERM', async () => {
  await worker.close();
  await dropKeys(redis).catch((e) => console.error(`hop worker: could not delete its keys: ${e.message}`));
  await Promise.allSettled([redis.quit(), pub.quit(), workerConn.quit(), pool.end()]);
  process.exit(0);
});
