/**
 * PostgreSQL outages against a PostgreSQL this spec starts on its own port (initdb into a temp
 * folder) and stops and starts by pid. The apps run in this process (harness) on the shared Redis
 * with a prefix of their own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startSystem, eventually, type System } from './harness';
import { hasOwnPostgres, migrate, ownPostgres, type OwnServer } from './helpers/own-services';
import { signUp, type TestUser } from './helpers/users';

const describeIf = hasOwnPostgres() ? describe : describe.skip;

describeIf('PostgreSQL outage (its own server, stopped and started by the spec)', () => {
  let pg: OwnServer;
  let sys: System;
  let dir: string;
  let alice: TestUser;

  beforeAll(async () => {
    [pg, dir] = await Promise.all([ownPostgres(), mkdtemp(path.join(os.tmpdir(), 'cy-outpg-'))]);
    migrate(pg.url);
    sys = await startSystem({
      env: {
        DATABASE_URL: pg.url,
        STORAGE_LOCAL_DIR: path.join(dir, 'storage'),
        WORKER_TMP_DIR: dir,
        UPLOAD_TMP_DIR: path.join(dir, 'uploads'),
        API_KEYS_LOCAL_CACHE_S: '0',
      },
    });
    alice = await signUp(sys);
  }, 120_000);

  afterAll(async () => {
    await sys?.stop();
    await pg?.destroy();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers 503 UPSTREAM_UNAVAILABLE with Retry-After from every app while PostgreSQL is down, and serves again after', async () => {
    expect((await sys.get('/v1/jobs', { apiKey: alice.apiKey })).status).toBe(200);
    await pg.stop();
    try {
      // the gateway's own tables
      const jobs = await sys.get('/v1/jobs', { apiKey: alice.apiKey });
      expect(jobs.status).toBe(503);
      expect(jobs.body.error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', message: expect.not.stringMatching(/ECONNREFUSED|127\.0\.0\.1/) });
      expect(jobs.headers.get('retry-after')).toMatch(/^\d+$/);
      // the auth app's tables, through its RPC
      const login = await sys.post('/v1/auth/login', { email: alice.email, password: alice.password });
      expect(login.status).toBe(503);
      expect(login.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(login.headers.get('retry-after')).toMatch(/^\d+$/);
      // billing's, through its RPC
      const usage = await sys.get('/v1/usage/summary', { apiKey: alice.apiKey });
      expect(usage.status).toBe(503);
      expect(usage.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
      // readiness names the database, in the gateway and in the apps behind it
      const ready = await sys.get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.down).toContain('database');
      expect(ready.body.checks.redis.status).toBe('up');
      for (const name of ['auth', 'billing'] as const) {
        const addr = sys.apps[name]!.getHttpAdapter().getInstance().server.address() as { port: number };
        const own = await fetch(`http://127.0.0.1:${addr.port}/health/ready`).then(async (r) => ({ status: r.status, body: await r.json() }));
        expect(own.status).toBe(503);
        expect(own.body.down).toEqual(['database']);
      }
      expect(sys.logs.join('\n')).not.toMatch(/"msg":"unhandled error"/);
    } finally {
      await pg.start();
    }
    await eventually(async () => (await sys.get('/health/ready')).status === 200, 30_000, 250);
    expect((await sys.get('/v1/jobs', { apiKey: alice.apiKey })).status).toBe(200);
    expect((await sys.post('/v1/auth/login', { email: alice.email, password: alice.password })).status).toBe(200);
  }, 90_000);
});
