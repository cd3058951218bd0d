/**
 * Redis outage with real processes: the four compiled apps run against a Redis this spec starts
 * (append-only persistence) and kills for longer than an RPC timeout while RPCs are in flight.
 * Every app must still be running afterwards (an unhandled rejection ends a Node process), every
 * request during the outage answers 503 UPSTREAM_UNAVAILABLE with Retry-After (never 500, never a
 * hang), readiness names Redis, and the system serves again once Redis is back.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { System } from './harness';
import { startAppProcesses, type AppProcesses } from './helpers/app-processes';
import { freshDatabase, type FreshDatabase } from './helpers/database';
import { ownRedis, type OwnServer } from './helpers/own-services';
import { signUp, type TestUser } from './helpers/users';
import { waitFor } from './helpers/queues';

let redis: OwnServer;
let db: FreshDatabase;
let dir: string;
let sys: AppProcesses;
let alice: TestUser;

beforeAll(async () => {
  [redis, db, dir] = await Promise.all([ownRedis(), freshDatabase('outr'), mkdtemp(path.join(os.tmpdir(), 'cy-outr-'))]);
  sys = await startAppProcesses({
    REDIS_URL: redis.url,
    REDIS_PREFIX: `cyo${randomBytes(3).toString('hex')}`,
    DATABASE_URL: db.url,
    STORAGE_LOCAL_DIR: path.join(dir, 'storage'),
    WORKER_TMP_DIR: dir,
    UPLOAD_TMP_DIR: path.join(dir, 'uploads'),
    RPC_TIMEOUT_MS: '1500',
    RPC_PING_TIMEOUT_MS: '1000',
    HEALTH_RPC_TIMEOUT_MS: '1000',
    // RPCs on timers, as in production: API key usage and request counts are flushed often
    API_KEYS_USAGE_FLUSH_MS: '300',
    USAGE_FLUSH_MS: '300',
    API_KEYS_LOCAL_CACHE_S: '0',
  });
  alice = await signUp(sys as unknown as System);
}, 150_000);

afterAll(async () => {
  await sys?.stop();
  await Promise.allSettled([redis?.destroy(), db?.drop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('keeps every app running through a Redis outage, answering 503 + Retry-After, and recovers', async () => {
  expect((await sys.get('/health/ready')).status).toBe(200);
  // RPCs in flight when Redis goes away: logins (auth), readiness pings, key usage flushes
  const inflight = Array.from({ length: 5 }, () => sys.post('/v1/auth/login', { email: alice.email, password: 'wrong-Password-1' }).catch(() => undefined));
  await redis.stop();
  const outageStarted = Date.now();
  await Promise.all(inflight);
  const inflightS = (Date.now() - outageStarted) / 1000;

  const seen: Array<{ what: string; status: number; code?: string; retryAfter: string | null }> = [];
  const probe = async (what: string, res: Promise<{ status: number; body: any; headers: Headers }>) => {
    const r = await res;
    seen.push({ what, status: r.status, code: r.body?.error?.code, retryAfter: r.headers.get('retry-after') });
    return r;
  };
  let ready: any;
  // longer than an RPC timeout, the usage flush interval and the readiness ping timeout together,
  // and at least a few rounds however long the in-flight requests took to settle
  for (let round = 0; round < 3 || Date.now() - outageStarted < 6000; round++) {
    await probe('login', sys.post('/v1/auth/login', { email: alice.email, password: alice.password }));
    await probe('me (API key not cached)', sys.get('/v1/auth/me', { apiKey: alice.apiKey }));
    ready = await sys.get('/health/ready');
    await new Promise((r) => setTimeout(r, 300));
  }
  expect(ready.status).toBe(503);
  expect(ready.body.down).toContain('redis');
  expect(ready.body.checks.redis.status).toBe('down');
  expect(ready.body.checks.database.status).toBe('up');
  for (const s of seen) expect(s).toEqual({ what: s.what, status: 503, code: 'UPSTREAM_UNAVAILABLE', retryAfter: expect.stringMatching(/^\d+$/) });
  expect(sys.exited()).toEqual([]);

  await redis.start();
  const back = Date.now();
  await waitFor(async () => (await sys.get('/health/ready')).status === 200, 60_000, 'ready again after Redis returned', 250);
  const readyS = (Date.now() - back) / 1000;
  const login = await sys.post('/v1/auth/login', { email: alice.email, password: alice.password });
  expect(login.status).toBe(200);
  expect((await sys.get('/v1/auth/me', { apiKey: alice.apiKey })).status).toBe(200);
  // a few more timer ticks (flushes, pings) on the recovered connections
  await new Promise((r) => setTimeout(r, 1500));
  expect(sys.exited()).toEqual([]);
  process.stdout.write(`outage-redis: Redis down ${((back - outageStarted) / 1000).toFixed(1)} s; requests in flight settled ${inflightS.toFixed(1)} s in; ${seen.length} requests during it, all 503; gateway ready again ${readyS.toFixed(1)} s after Redis returned\n`);
}, 120_000);
