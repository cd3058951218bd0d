import { randomUUID } from 'node:crypto';
import { commonSchema, loadConfig } from '@clipyard/config';
import { QUEUES } from '@clipyard/contracts';
import { QueueClient, RpcClient } from '@clipyard/queue';
import { eventually, startSystem, type System } from './harness';
import { makeAdmin, signUp, type TestUser } from './helpers/users';

describe('plans, subscription and usage (e2e)', () => {
  let sys: System;
  let rpc: RpcClient;
  let queues: QueueClient;
  let alice: TestUser;
  let bob: TestUser;
  let admin: TestUser;
  let aliceRequests = 0;
  const asAlice = async (path: string) => {
    aliceRequests++;
    return sys.get(path, { apiKey: alice.apiKey });
  };

  beforeAll(async () => {
    sys = await startSystem({ apps: ['auth', 'billing', 'gateway'], env: { USAGE_FLUSH_MS: '200' } });
    const settings = { url: sys.env.REDIS_URL!, prefix: sys.env.REDIS_PREFIX! };
    rpc = new RpcClient(settings, loadConfig(commonSchema, sys.env).RPC_SECRET, 5000);
    queues = new QueueClient(settings);
    [alice, bob, admin] = [await signUp(sys), await signUp(sys), await signUp(sys)];
    aliceRequests = 1; // signUp created her API key with her token
    await makeAdmin(sys, admin.userId);
  });
  afterAll(async () => {
    await queues.close();
    await rpc.close();
    await sys.stop();
  });

  /** What the jobs pipeline does: reserve at submission, then the worker's usage event or a release. */
  async function job(user: TestUser, action: 'trim' | 'overlay', outcome: 'completed' | 'failed' | 'pending', m = { mediaSeconds: 10, inputBytes: 1000, outputBytes: 400, processingMs: 1500 }) {
    const jobId = randomUUID();
    await rpc.call('quota.reserve', { userId: user.userId, jobId, action, units: 1, features: [] });
    if (outcome === 'failed') await rpc.call('quota.release', { userId: user.userId, jobId, reason: 'failed' });
    if (outcome === 'completed') {
      const eventId = `job:${jobId}:completed`;
      const ev = { name: 'usage.job' as const, eventId, userId: user.userId, jobId, action, units: 1, ...m, occurredAt: new Date().toISOString() };
      await queues.add(QUEUES.usageEvents, ev);
      await queues.add(QUEUES.usageEvents, ev); // a duplicate delivery
      await eventually(async () => (await rpc.call('usage.events', { userId: user.userId, limit: 100 })).data.some((e) => e.event_id === eventId));
    }
    return jobId;
  }

  it('lists the plans publicly and starts every user on free', async () => {
    const plans = await sys.get('/v1/plans');
    expect(plans.status).toBe(200);
    // the trial plan (anonymous "try it" accounts) comes first: it is the smallest
    expect(plans.body.data.map((p: { code: string }) => p.code)).toEqual(['trial', 'free', 'pro', 'premium']);
    expect(plans.body.data.find((p: { code: string }) => p.code === 'free').limits).toMatchObject({ trims_per_month: 5, overlays_per_month: 100, transcribe_minutes_per_month: 10, max_concurrent_jobs: 1 });
    const sub = await asAlice('/v1/subscription');
    expect(sub.status).toBe(200);
    expect(sub.body).toMatchObject({ user_id: alice.userId, plan: 'free', status: 'active', features: ['trim', 'overlay', 'download', 'api_access'] });
    expect(new Date(sub.body.current_period_end) > new Date()).toBe(true);
    expect((await sys.get('/v1/usage/summary')).status).toBe(401);
  });

  it('summarises exactly what a sequence of jobs used, reserved and released', async () => {
    await job(alice, 'trim', 'completed', { mediaSeconds: 12.5, inputBytes: 1_000_000, outputBytes: 300_000, processingMs: 2000 });
    await job(alice, 'overlay', 'completed', { mediaSeconds: 30, inputBytes: 2_000_000, outputBytes: 1_500_000, processingMs: 4500 });
    await job(alice, 'trim', 'failed');
    await job(alice, 'trim', 'completed', { mediaSeconds: 7.5, inputBytes: 500_000, outputBytes: 100_000, processingMs: 1000 });
    await job(alice, 'trim', 'pending');
    for (let i = 0; i < 5; i++) await asAlice('/v1/subscription');

    const month = new Date().toISOString().slice(0, 7);
    const summary = await eventually(async () => {
      const res = await asAlice(`/v1/usage/summary?month=${month}`);
      return res.body.api_requests >= 7 ? res : undefined;
    });
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      month,
      plan: 'free',
      actions: {
        trim: { used: 2, reserved: 1, limit: 5, remaining: 2 },
        overlay: { used: 1, reserved: 0, limit: 100, remaining: 99 },
        transcribe: { used: 0, reserved: 0, limit: null, remaining: null },
      },
      transcribe_minutes: { used: 0, reserved: 0, limit: 10, remaining: 10 },
      media_seconds: 50,
      input_bytes: 3_500_000,
      output_bytes: 1_900_000,
      processing_seconds: 7.5,
    });
    expect(summary.body.resets_at).toBe(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 1)).toISOString());
    // Every authenticated request is counted (flushed in batches), none twice.
    expect(summary.body.api_requests).toBeLessThanOrEqual(aliceRequests);

    const bobs = await sys.get('/v1/usage/summary', { apiKey: bob.apiKey });
    expect(bobs.body.actions.trim).toEqual({ used: 0, reserved: 0, limit: 5, remaining: 5 });
  });

  it("pages through the caller's own ledger, newest first", async () => {
    const first = await asAlice('/v1/usage/events?limit=2&action=trim');
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data.every((e: { action: string }) => e.action === 'trim')).toBe(true);
    expect(first.body.next_cursor).toBeNull();
    const all = await asAlice('/v1/usage/events?limit=1');
    expect(all.body.data).toHaveLength(1);
    const next = await asAlice(`/v1/usage/events?limit=100&cursor=${all.body.next_cursor}`);
    const ids = [...all.body.data, ...next.body.data].map((e: { event_id: string }) => e.event_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('job:'))).toHaveLength(3);
    // Bob's ledger holds only his own API-request batches, none of Alice's jobs.
    const bobs = (await sys.get('/v1/usage/events?limit=100', { apiKey: bob.apiKey })).body.data;
    expect(bobs.filter((e: { kind: string }) => e.kind !== 'requests')).toEqual([]);
    expect((await asAlice('/v1/usage/events?cursor=nonsense')).status).toBe(422);
    expect((await asAlice('/v1/usage/summary?month=2026-13')).status).toBe(422);
  });

  it('lets an admin change plans and limits, and nobody else', async () => {
    const denied = await sys.request('PUT', `/v1/admin/users/${alice.userId}/plan`, { apiKey: bob.apiKey, body: { plan: 'pro' } });
    expect(denied.status).toBe(403);
    const moved = await sys.request('PUT', `/v1/admin/users/${alice.userId}/plan`, { apiKey: admin.apiKey, body: { plan: 'pro' } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ user_id: alice.userId, plan: 'pro' });
    expect((await asAlice('/v1/subscription')).body.plan).toBe('pro');

    const limits = await sys.request('PUT', `/v1/admin/users/${alice.userId}/limits`, { apiKey: admin.apiKey, body: { trims_per_month: 150 } });
    expect(limits.status).toBe(200);
    expect(limits.body.limits.trims_per_month).toBe(150);
    expect((await asAlice('/v1/usage/summary')).body.actions.trim).toMatchObject({ used: 2, reserved: 1, limit: 150, remaining: 147 });

    const unknownPlan = await sys.request('PUT', `/v1/admin/users/${alice.userId}/plan`, { apiKey: admin.apiKey, body: { plan: 'platinum' } });
    expect(unknownPlan.status).toBe(404);
    expect(unknownPlan.body.error.code).toBe('PLAN_NOT_FOUND');
    const badLimits = await sys.request('PUT', `/v1/admin/users/${alice.userId}/limits`, { apiKey: admin.apiKey, body: { trims_per_month: 'lots' } });
    expect(badLimits.status).toBe(422);
    const nobody = await sys.request('PUT', `/v1/admin/users/${randomUUID()}/plan`, { apiKey: admin.apiKey, body: { plan: 'pro' } });
    expect(nobody.status).toBe(404);
    const badId = await sys.request('PUT', '/v1/admin/users/not-a-uuid/plan', { apiKey: admin.apiKey, body: { plan: 'pro' } });
    expect(badId.status).toBe(422);

    const audit = await sys.get('/v1/audit-events?action=admin.write', { apiKey: admin.apiKey });
    expect(audit.status).toBe(200);
    expect(audit.body.data.length).toBeGreaterThanOrEqual(2);
    const usage = await sys.get('/v1/admin/usage', { apiKey: admin.apiKey });
    expect(usage.status).toBe(200);
    expect(usage.body.users_per_plan.pro).toBeGreaterThanOrEqual(1);
    // The run's database is shared with other spec files: at least this file's jobs are there.
    expect(usage.body.jobs_per_status.completed).toBeGreaterThanOrEqual(3);
    expect(usage.body.jobs_per_status.failed).toBeGreaterThanOrEqual(1);
    expect(usage.body.jobs_per_status.pending).toBeGreaterThanOrEqual(1);
    expect(usage.body.completion_rate).toBeGreaterThan(0);
    expect(usage.body.completion_rate).toBeLessThanOrEqual(1);
    const today = usage.body.daily.find((d: { day: string }) => d.day === new Date().toISOString().slice(0, 10));
    expect(today.jobs).toBeGreaterThanOrEqual(3);
    expect(today.media_seconds).toBeGreaterThanOrEqual(50);
    expect((await sys.get('/v1/admin/usage', { apiKey: bob.apiKey })).status).toBe(403);
  });
});
