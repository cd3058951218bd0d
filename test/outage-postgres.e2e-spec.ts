/**
 * PostgreSQL outages against a PostgreSQL this spec starts on its own port (initdb into a temp
 * folder) and stops and starts by pid. The apps run in this process (harness) on the shared Redis
 * with a prefix of their own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { QUEUES } from '@clipyard/contracts';
import { FACT_JOB_OPTIONS, QueueClient, bullPrefix, createRedis } from '@clipyard/queue';
import { gatewayReplHelpers } from '../apps/gateway/src/admin/repl-helpers';
import { JobReconciler } from '../apps/gateway/src/jobs/job-reconciler';
import { startSystem, eventually, type System } from './harness';
import { upload, waitForJob } from './helpers/jobs';
import { makeVideo } from './helpers/media';
import { hasOwnPostgres, migrate, ownPostgres, type OwnServer } from './helpers/own-services';
import { waitFor } from './helpers/queues';
import { signUp, type TestUser } from './helpers/users';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
        WORKER_PROGRESS_INTERVAL_MS: '200',
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
        const own = await fetch(`http://127.0.0.1:${addr.port}/health/ready`).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
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

  const month = () => new Date().toISOString().slice(0, 7);
  const trimUsage = async (u: TestUser) => (await sys.get(`/v1/usage/summary?month=${month()}`, { apiKey: u.apiKey })).body.actions.trim;
  const mediaJob = (id: string) => sys.apps.gateway!.get(QueueClient).queue(QUEUES.trim).getJob(id);

  it('a job that completes while PostgreSQL is down longer than the old retry window ends completed, charged once, its slot free', async () => {
    const bob = await signUp(sys);
    const up = await upload(sys, bob.apiKey, await makeVideo(path.join(dir, 'pg-in.mp4'), { durationS: 4 }), { contentType: 'video/mp4' });
    expect(up.status).toBe(201);
    await sys.stopApp('media-worker'); // the job waits in its queue until the database is gone
    const sub = await sys.post('/v1/jobs/trim', { input: { upload_id: up.body.id }, start: 0, end: 2 }, { apiKey: bob.apiKey });
    expect(sub.status).toBe(202);
    const id = sub.body.id;

    await pg.stop();
    const down = Date.now();
    try {
      await sys.startApp('media-worker');
      await waitFor(async () => (await (await mediaJob(id))?.getState()) === 'completed', 90_000, 'the worker to finish with PostgreSQL down');
      // longer than the old policy's whole retry window (5 attempts from 1 s: given up after ~15 s)
      await sleep(Math.max(0, 20_000 - (Date.now() - down)));
      const deferred = sys.logs.filter((l) => l.includes('fact event deferred: a dependency is down'));
      expect(deferred.some((l) => l.includes('"queue":"job-events"'))).toBe(true);
      expect(deferred.some((l) => l.includes('"queue":"usage-events"'))).toBe(true);
    } finally {
      await pg.start();
    }
    const back = Date.now();
    const done = await waitForJob(sys, bob.apiKey, id, ['completed', 'failed'], 90_000);
    const jobSettledS = (Date.now() - back) / 1000;
    expect(done.status).toBe('completed');
    expect(done.outputs.length).toBeGreaterThan(0);
    await eventually(async () => (await trimUsage(bob)).used === 1, 90_000, 250);
    const usageSettledS = (Date.now() - back) / 1000;
    expect(await trimUsage(bob)).toMatchObject({ used: 1, reserved: 0 });
    const ledger = await sys.get('/v1/usage/events?limit=100&action=trim', { apiKey: bob.apiKey });
    expect(ledger.body.data).toHaveLength(1);
    // the free plan runs one job at a time: this is accepted only if the first one's slot was freed
    const next = await sys.post('/v1/jobs/trim', { input: { upload_id: up.body.id }, start: 0, end: 1 }, { apiKey: bob.apiKey });
    expect(next.status).toBe(202);
    await waitForJob(sys, bob.apiKey, next.body.id);
    process.stdout.write(`outage-postgres: PostgreSQL down ${((back - down) / 1000).toFixed(1)} s; after it returned, job completed in ${jobSettledS.toFixed(1)} s, usage recorded in ${usageSettledS.toFixed(1)} s\n`);
  }, 240_000);

  it('the reconciler fails a job whose queue entry vanished and frees its reservation, and leaves live jobs alone', async () => {
    const carol = await signUp(sys);
    const up = await upload(sys, carol.apiKey, await makeVideo(path.join(dir, 'rc-in.mp4'), { durationS: 2 }), { contentType: 'video/mp4' });
    await sys.stopApp('media-worker');
    try {
      const lost = await sys.post('/v1/jobs/trim', { input: { upload_id: up.body.id }, start: 0, end: 1 }, { apiKey: carol.apiKey });
      expect(lost.status).toBe(202);
      await (await mediaJob(lost.body.id))!.remove(); // e.g. a Redis without persistence restarted
      const reconciler = sys.apps.gateway!.get(JobReconciler);
      const later = new Date(Date.now() + 3600_000); // as if JOB_RECONCILE_AFTER_S had passed
      expect((await reconciler.reconcile(later)).settled.lost).toBeGreaterThanOrEqual(1);
      const failed = await sys.get(`/v1/jobs/${lost.body.id}`, { apiKey: carol.apiKey });
      expect(failed.body).toMatchObject({ status: 'failed', error: { code: 'JOB_LOST' } });
      expect(await trimUsage(carol)).toMatchObject({ used: 0, reserved: 0 });

      const live = await sys.post('/v1/jobs/trim', { input: { upload_id: up.body.id }, start: 0, end: 1 }, { apiKey: carol.apiKey });
      expect(live.status).toBe(202); // the lost job's slot is free again
      await reconciler.reconcile(later);
      expect((await sys.get(`/v1/jobs/${live.body.id}`, { apiKey: carol.apiKey })).body.status).toBe('queued');
    } finally {
      await sys.startApp('media-worker');
    }
  }, 120_000);

  it('dead-letters only a malformed fact event, keeps it, and lets an admin inspect and re-drive it', async () => {
    const settings = { url: sys.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: sys.env.REDIS_PREFIX! };
    const conn = createRedis(settings);
    const raw = new Queue(QUEUES.jobEvents, { connection: conn, prefix: bullPrefix(settings) });
    try {
      const bad = await raw.add('job.completed', { name: 'job.completed', jobId: 'not-a-uuid' }, FACT_JOB_OPTIONS);
      const repl = gatewayReplHelpers((t) => sys.apps.gateway!.get(t));
      const letter = await waitFor(async () => (await repl.facts.deadLetters('job-events')).find((d) => d.id === bad.id), 30_000, 'the dead letter');
      expect(letter).toMatchObject({ name: 'job.completed', attemptsMade: 1, failedReason: expect.stringMatching(/VALIDATION_FAILED: invalid job-events payload/) });
      expect(await repl.facts.redrive('job-events', bad.id!)).toEqual({ queue: 'job-events', id: bad.id, redriven: true });
      // still malformed: back in the dead letters at once, never deleted
      await waitFor(async () => (await raw.getJob(bad.id!))?.isFailed(), 30_000, 'the re-driven event to fail again');
      expect((await repl.facts.deadLetters('job-events')).map((d) => d.id)).toContain(bad.id);
      await expect(repl.facts.redrive('usage-events', 'nope')).rejects.toThrow(/no event/);
    } finally {
      await raw.close();
      await conn.quit();
    }
  }, 60_000);
});
