import { randomUUID } from 'node:crypto';
import { AppError, QUEUES } from '@clipyard/contracts';
import { Metrics } from '@clipyard/observability';
import { startBilling, type BillingContext } from '../../../../test/helpers/billing';
import { eventually } from '../../../../test/harness';
import { ReaperService } from '../reaper/reaper.service';
import { monthOf } from '../common/month';

const month = () => monthOf(new Date());

describe('billing quota (integration: real PostgreSQL, Redis, BullMQ)', () => {
  let b: BillingContext;
  beforeAll(async () => {
    b = await startBilling();
  });
  afterAll(() => b.close());

  const reserve = (userId: string, action: 'trim' | 'overlay' | 'transcribe' = 'overlay', extra: Record<string, unknown> = {}) =>
    b.rpc.call('quota.reserve', { userId, jobId: randomUUID(), action, units: 1, features: [], ...extra });
  const monthly = async (userId: string, metric: string) =>
    (
      await b.ds.query(
        'SELECT jobs_used, jobs_reserved, units_used::int AS units_used, units_reserved::int AS units_reserved FROM usage_monthly WHERE user_id = $1 AND month = $2 AND metric = $3',
        [userId, month(), metric],
      )
    )[0];
  const completed = (userId: string, jobId: string, action = 'overlay', units = 1) => ({
    name: 'usage.job' as const,
    eventId: `job:${jobId}:completed`,
    userId,
    jobId,
    action: action as 'overlay',
    units,
    mediaSeconds: 12.5,
    inputBytes: 1000,
    outputBytes: 800,
    processingMs: 1500,
    occurredAt: new Date().toISOString(),
  });
  const settled = async (eventId: string) =>
    (await b.ds.query('SELECT 1 FROM usage_events WHERE event_id = $1', [eventId])).length === 1;

  it('grants exactly the 5 remaining reservations to 50 concurrent requests', async () => {
    const userId = randomUUID();
    await b.rpc.call('admin.setLimits', { userId, limits: { overlays_per_month: 8, max_concurrent_jobs: -1 } });
    for (let i = 0; i < 3; i++) {
      const jobId = randomUUID();
      await b.rpc.call('quota.reserve', { userId, jobId, action: 'overlay', units: 1, features: [] });
      await b.queues.add(QUEUES.usageEvents, completed(userId, jobId));
      await eventually(() => settled(`job:${jobId}:completed`));
    }
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => reserve(userId)));
    const granted = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as AppError);
    expect(granted).toHaveLength(5);
    expect(refused).toHaveLength(45);
    expect(new Set(refused.map((e) => e.code))).toEqual(new Set(['QUOTA_EXCEEDED']));
    expect(refused[0].httpStatus).toBe(402);
    expect(refused[0].details).toMatchObject({ metric: 'overlay', limit: 8, used: 3, reserved: 5, resets_at: expect.stringMatching(/-01T00:00:00.000Z$/) });
    expect(await monthly(userId, 'overlay')).toEqual({ jobs_used: 3, jobs_reserved: 5, units_used: 3, units_reserved: 5 });
  });

  it('grants exactly the concurrency limit to 50 concurrent requests, and frees a slot on release', async () => {
    const userId = randomUUID();
    await b.rpc.call('admin.setPlan', { userId, plan: 'pro' });
    const jobIds = Array.from({ length: 50 }, () => randomUUID());
    const results = await Promise.allSettled(
      jobIds.map((jobId) => b.rpc.call('quota.reserve', { userId, jobId, action: 'overlay', units: 1, features: [] })),
    );
    const grantedIdx = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(grantedIdx).toHaveLength(3);
    const codes = new Set(results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as AppError).code));
    expect(codes).toEqual(new Set(['CONCURRENCY_LIMIT']));
    const [sub] = await b.ds.query('SELECT active_jobs FROM subscriptions WHERE user_id = $1', [userId]);
    expect(sub.active_jobs).toBe(3);
    await expect(reserve(userId)).rejects.toMatchObject({ code: 'CONCURRENCY_LIMIT', details: { limit: 3, active: 3, plan: 'pro' } });
    await b.rpc.call('quota.release', { userId, jobId: jobIds[grantedIdx[0]], reason: 'cancelled' });
    await expect(reserve(userId)).resolves.toMatchObject({ granted: true, plan: 'pro', priority: 5 });
  });

  it('answers a repeated reservation for the same job with the first answer, holding quota once', async () => {
    const userId = randomUUID();
    const jobId = randomUUID();
    const req = { userId, jobId, action: 'trim' as const, units: 1, features: [] };
    const first = await b.rpc.call('quota.reserve', req);
    const again = await b.rpc.call('quota.reserve', req);
    expect(again).toEqual({ ...first, replayed: true });
    expect(first).toMatchObject({ granted: true, plan: 'free', priority: 10, replayed: false });
    expect(await monthly(userId, 'trim')).toMatchObject({ jobs_reserved: 1 });
  });

  it("answers CONFLICT to a job id another user reserved, holding nothing for the caller and leaving the owner's reservation alone", async () => {
    const [owner, other, jobId] = [randomUUID(), randomUUID(), randomUUID()];
    const first = await b.rpc.call('quota.reserve', { userId: owner, jobId, action: 'trim', units: 1, features: [] });
    await expect(b.rpc.call('quota.reserve', { userId: other, jobId, action: 'trim', units: 1, features: [] })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { jobId },
    });
    expect(await monthly(other, 'trim')).toBeUndefined();
    expect(await b.rpc.call('quota.reserve', { userId: owner, jobId, action: 'trim', units: 1, features: [] })).toEqual({ ...first, replayed: true });
  });

  it('a reservation that waited while another of its job id committed answers as a replay for the owner, CONFLICT for another user', async () => {
    const [owner, other, jobId] = [randomUUID(), randomUUID(), randomUUID()];
    for (const userId of [owner, other]) await b.rpc.call('admin.setLimits', { userId, limits: { max_concurrent_jobs: 5 } });
    // Another transaction holds the owner's quota lock and writes a reservation of the job id; the
    // calls start while it is open, so the owner's waits for the lock, the other user's for the id.
    const qr = b.ds.createQueryRunner();
    await qr.startTransaction();
    await qr.query('SELECT 1 FROM subscriptions WHERE user_id = $1 FOR UPDATE', [owner]);
    const [{ id }] = await qr.query(
      `INSERT INTO quota_reservations (user_id, job_id, action, month, units, plan_code, priority, expires_at)
       VALUES ($1, $2, 'trim', $3, 1, 'free', 10, now() + interval '1 hour') RETURNING id`,
      [owner, jobId, month()],
    );
    const req = (userId: string) => b.rpc.call('quota.reserve', { userId, jobId, action: 'trim', units: 1, features: [] });
    const calls = Promise.allSettled([req(owner), req(other)]);
    await new Promise((r) => setTimeout(r, 300));
    await qr.commitTransaction();
    await qr.release();
    const [mine, theirs] = await calls;
    expect(mine).toEqual({ status: 'fulfilled', value: { reservationId: id, granted: true, plan: 'free', priority: 10, replayed: true } });
    expect(theirs).toMatchObject({ status: 'rejected', reason: { code: 'CONFLICT', details: { jobId } } });
    // neither call held anything
    expect(await monthly(owner, 'trim')).toBeUndefined();
    expect(await monthly(other, 'trim')).toBeUndefined();
    const active = async (userId: string) => (await b.ds.query('SELECT active_jobs FROM subscriptions WHERE user_id = $1', [userId]))[0].active_jobs;
    expect([await active(owner), await active(other)]).toEqual([0, 0]);
  });

  it('counts a usage event delivered several times once, and commits its reservation', async () => {
    const userId = randomUUID();
    const jobId = randomUUID();
    await b.rpc.call('admin.setPlan', { userId, plan: 'pro' });
    await b.rpc.call('quota.reserve', { userId, jobId, action: 'transcribe', units: 3, features: [] });
    expect(await monthly(userId, 'transcribe')).toEqual({ jobs_used: 0, jobs_reserved: 1, units_used: 0, units_reserved: 3 });
    const ev = completed(userId, jobId, 'transcribe', 2);
    await Promise.all([1, 2, 3].map(() => b.queues.add(QUEUES.usageEvents, ev)));
    await eventually(() => settled(ev.eventId));
    const counts = b.app.get(Metrics).registry.getSingleMetric('billing_usage_events_total');
    await eventually(async () => {
      const v = (await counts!.get()).values.filter((x) => x.labels.name === 'usage.job');
      return v.reduce((a, x) => a + x.value, 0) >= 3 + 3; // 3 from the first test, 3 deliveries here
    });
    expect(await monthly(userId, 'transcribe')).toEqual({ jobs_used: 1, jobs_reserved: 0, units_used: 2, units_reserved: 0 });
    const [r] = await b.ds.query('SELECT status, committed_units::int AS u FROM quota_reservations WHERE job_id = $1', [jobId]);
    expect(r).toEqual({ status: 'committed', u: 2 });
    const summary = await b.rpc.call('usage.summary', { userId });
    expect(summary.transcribe_minutes).toEqual({ used: 2, reserved: 0, limit: 300, remaining: 298 });
    expect(summary.actions.transcribe).toMatchObject({ used: 1, reserved: 0, limit: null });
  });

  it('holds transcription minutes against the monthly minutes, estimated from the media duration', async () => {
    const userId = randomUUID();
    await b.rpc.call('admin.setPlan', { userId, plan: 'pro' });
    await b.rpc.call('admin.setLimits', { userId, limits: { transcribe_minutes_per_month: 5 } });
    await reserve(userId, 'transcribe', { units: 1, mediaSeconds: 125 }); // 3 minutes
    expect(await monthly(userId, 'transcribe')).toMatchObject({ jobs_reserved: 1, units_reserved: 3 });
    await expect(reserve(userId, 'transcribe', { units: 3 })).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { metric: 'transcribe_minutes', limit: 5, used: 0, reserved: 3, requested: 3 },
    });
    await expect(reserve(userId, 'transcribe', { units: 2 })).resolves.toMatchObject({ granted: true });
  });

  it('lands a late event in the month it happened, and still settles the reservation of its job', async () => {
    const userId = randomUUID();
    const jobId = randomUUID();
    await reserve(userId, 'overlay', { jobId });
    const now = new Date();
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 0, 0, 1));
    const ev = { ...completed(userId, jobId), occurredAt: next.toISOString() };
    await b.queues.add(QUEUES.usageEvents, ev);
    await eventually(() => settled(ev.eventId));
    expect(await monthly(userId, 'overlay')).toEqual({ jobs_used: 0, jobs_reserved: 0, units_used: 0, units_reserved: 0 });
    const later = await b.rpc.call('usage.summary', { userId, month: monthOf(next) });
    expect(later.actions.overlay).toMatchObject({ used: 1, reserved: 0 });
    expect(later.resets_at).toBe(new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 1)).toISOString());
  });

  it("releases a failed job's reservation once", async () => {
    const userId = randomUUID();
    const jobId = randomUUID();
    await b.rpc.call('quota.reserve', { userId, jobId, action: 'trim', units: 1, features: [] });
    await expect(reserve(userId, 'trim')).rejects.toMatchObject({ code: 'CONCURRENCY_LIMIT' });
    expect(await b.rpc.call('quota.release', { userId, jobId, reason: 'failed' })).toEqual({ released: true, status: 'released' });
    expect(await b.rpc.call('quota.release', { userId, jobId, reason: 'failed' })).toEqual({ released: false, status: 'released' });
    expect(await b.rpc.call('quota.release', { userId: randomUUID(), jobId, reason: 'failed' })).toEqual({ released: false, status: null });
    expect(await monthly(userId, 'trim')).toEqual({ jobs_used: 0, jobs_reserved: 0, units_used: 0, units_reserved: 0 });
    await expect(reserve(userId, 'trim')).resolves.toMatchObject({ granted: true });
  });

  it('the reaper releases an orphaned reservation, logs it and counts it', async () => {
    const userId = randomUUID();
    const jobId = randomUUID();
    await b.rpc.call('quota.reserve', { userId, jobId, action: 'trim', units: 1, features: [] });
    // The job never settles: let its time-to-live pass.
    await b.ds.query("UPDATE quota_reservations SET expires_at = now() - interval '1 second' WHERE job_id = $1", [jobId]);
    const released = await b.app.get(ReaperService).runOnce();
    expect(released).toBeGreaterThanOrEqual(1);
    const [r] = await b.ds.query('SELECT status, release_reason FROM quota_reservations WHERE job_id = $1', [jobId]);
    expect(r).toEqual({ status: 'released', release_reason: 'expired' });
    expect(await monthly(userId, 'trim')).toMatchObject({ jobs_reserved: 0 });
    expect(b.logs.some((l) => l.includes('orphaned reservation') && l.includes(jobId))).toBe(true);
    const reaped = await b.app.get(Metrics).registry.getSingleMetric('billing_reservations_reaped_total')!.get();
    expect(reaped.values.find((v) => v.labels.action === 'trim')?.value).toBeGreaterThanOrEqual(1);
    // A completion arriving after the reaper is still metered, outside the admission invariant.
    const ev = completed(userId, jobId, 'trim');
    await b.queues.add(QUEUES.usageEvents, { ...ev, action: 'trim' });
    await eventually(() => settled(ev.eventId));
    expect(await monthly(userId, 'trim')).toMatchObject({ jobs_used: 1, jobs_reserved: 0 });
  });

  it('refuses what the plan does not allow, with coded errors the gateway maps', async () => {
    const userId = randomUUID();
    await expect(reserve(userId, 'transcribe')).rejects.toMatchObject({ code: 'FEATURE_NOT_IN_PLAN', httpStatus: 403, details: { feature: 'transcribe', plan: 'free' } });
    await expect(reserve(userId, 'trim', { features: ['vertical_format'] })).rejects.toMatchObject({ code: 'FEATURE_NOT_IN_PLAN' });
    await expect(reserve(userId, 'trim', { inputBytes: 51 * 1024 * 1024 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', httpStatus: 413, details: { limit: 50 * 1024 * 1024 } });
    await expect(reserve(userId, 'trim', { mediaSeconds: 301 })).rejects.toMatchObject({ code: 'MEDIA_TOO_LONG', httpStatus: 413 });
    expect(await monthly(userId, 'trim')).toBeUndefined();
    const limits = await b.rpc.call('quota.get-limits', { userId });
    expect(limits).toEqual({ plan: 'free', priority: 10, features: ['trim', 'overlay', 'download', 'api_access'], maxFileBytes: 52428800, maxMediaSeconds: 300, maxConcurrentJobs: 1, retentionDays: 7 });
  });

  it('meters hooks against hooks_per_month with hook_detection (pro/premium only), holding a short\'s trims and minutes up front', async () => {
    const userId = randomUUID();
    await expect(reserve(userId, 'hooks' as never)).rejects.toMatchObject({ code: 'FEATURE_NOT_IN_PLAN', details: { feature: 'hook_detection', plan: 'free' } });
    await b.rpc.call('admin.setPlan', { userId, plan: 'pro' });
    expect((await b.rpc.call('usage.summary', { userId })).actions.hooks).toMatchObject({ limit: 50, used: 0 });
    await b.rpc.call('admin.setLimits', { userId, limits: { hooks_per_month: 2, trims_per_month: 4, transcribe_minutes_per_month: 10, max_concurrent_jobs: -1 } });
    // a short: 1 hooks unit + 3 trims + 4 minutes, in one reservation (one concurrency slot)
    const shortId = randomUUID();
    await b.rpc.call('quota.reserve', { userId, jobId: shortId, action: 'hooks', units: 1, features: ['trim'], trimJobs: 3, subtitleMinutes: 4 });
    expect(await monthly(userId, 'hooks')).toMatchObject({ jobs_reserved: 1 });
    expect(await monthly(userId, 'trim')).toMatchObject({ jobs_reserved: 3 });
    expect(await monthly(userId, 'transcribe')).toMatchObject({ jobs_reserved: 0, units_reserved: 4 });
    // two more trims would overshoot: refused before anything is held
    await expect(b.rpc.call('quota.reserve', { userId, jobId: randomUUID(), action: 'hooks', units: 1, features: [], trimJobs: 2 })).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { metric: 'trim', limit: 4, reserved: 3, requested: 2 },
    });
    expect(await monthly(userId, 'hooks')).toMatchObject({ jobs_reserved: 1 });
    // the short completes with 2 clips: 2 trims used, 1 freed; minutes and tokens recorded
    const ev = { ...completed(userId, shortId, 'hooks'), trimJobs: 2, subtitleMinutes: 3, inputTokens: 1200, outputTokens: 300, aiProvider: 'anthropic', aiModel: 'claude-x' };
    await b.queues.add(QUEUES.usageEvents, ev);
    await eventually(() => settled(ev.eventId));
    expect(await monthly(userId, 'hooks')).toMatchObject({ jobs_used: 1, jobs_reserved: 0 });
    expect(await monthly(userId, 'trim')).toMatchObject({ jobs_used: 2, jobs_reserved: 0 });
    expect(await monthly(userId, 'transcribe')).toMatchObject({ jobs_used: 0, units_used: 3, units_reserved: 0 });
    const summary = await b.rpc.call('usage.summary', { userId });
    expect(summary.ai_tokens).toEqual({ input: 1200, output: 300 });
    const ledger = await b.rpc.call('usage.events', { userId, limit: 10 });
    expect(ledger.data.find((e) => e.event_id === ev.eventId)).toMatchObject({ action: 'hooks', input_tokens: 1200, output_tokens: 300, ai_provider: 'anthropic', ai_model: 'claude-x' });
    expect(ledger.data.find((e) => e.event_id === `${ev.eventId}:trims`)).toMatchObject({ action: 'trim', units: 2 });
    // a cancelled short gives everything back
    const cancelled = randomUUID();
    await b.rpc.call('quota.reserve', { userId, jobId: cancelled, action: 'hooks', units: 1, features: [], trimJobs: 2, subtitleMinutes: 2 });
    await b.rpc.call('quota.release', { userId, jobId: cancelled, reason: 'cancelled' });
    expect(await monthly(userId, 'trim')).toMatchObject({ jobs_used: 2, jobs_reserved: 0 });
    expect(await monthly(userId, 'transcribe')).toMatchObject({ units_reserved: 0 });
    expect(await monthly(userId, 'hooks')).toMatchObject({ jobs_used: 1, jobs_reserved: 0 });
  });

  it('the database itself refuses an overshoot, whatever the code does', async () => {
    const userId = randomUUID();
    await b.rpc.call('admin.setLimits', { userId, limits: { trims_per_month: 1 } });
    await reserve(userId, 'trim');
    await expect(
      b.ds.query('UPDATE usage_monthly SET jobs_reserved = jobs_reserved + 1 WHERE user_id = $1 AND metric = $2', [userId, 'trim']),
    ).rejects.toThrow(/usage_monthly_jobs_quota/);
    await expect(
      b.ds.query('UPDATE subscriptions SET active_jobs = active_jobs + 1 WHERE user_id = $1', [userId]),
    ).rejects.toThrow(/subscriptions_concurrency/);
  });
});
