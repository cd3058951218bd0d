import { randomUUID } from 'node:crypto';
import { QUEUE_PAYLOADS, QUEUES, USAGE_BULK_MAX, type UsageEvent } from '@clipyard/contracts';
import { UsageSender } from '@clipyard/queue';
import { eventually } from '../../../../test/harness';
import { startBilling, type BillingContext } from '../../../../test/helpers/billing';
import { monthOf } from '../common/month';
import { UsageService } from './usage.service';

/** Batched usage ingest (one transaction per batch): exactly once, and the same result as one at a time. */
describe('usage ingest in batches (integration: real PostgreSQL, Redis, BullMQ)', () => {
  let b: BillingContext;
  let usage: UsageService;
  beforeAll(async () => {
    b = await startBilling({ USAGE_BATCH_SIZE: '50', USAGE_BATCH_WAIT_MS: '20' });
    usage = b.app.get(UsageService);
  });
  afterAll(() => b.close());

  const parse = (e: Record<string, unknown>) => QUEUE_PAYLOADS[QUEUES.usageEvents].parse(e) as UsageEvent;
  const job = (userId: string, jobId: string, action: string, extra: Record<string, unknown> = {}) =>
    parse({
      name: 'usage.job',
      eventId: `job:${jobId}:completed`,
      userId,
      jobId,
      action,
      units: 1,
      mediaSeconds: 10,
      inputBytes: 1000,
      outputBytes: 500,
      processingMs: 100,
      occurredAt: new Date().toISOString(),
      ...extra,
    });
  const requests = (userId: string, count: number) =>
    parse({ name: 'usage.requests', eventId: `req:${randomUUID()}`, userId, count, occurredAt: new Date().toISOString() });
  /** Everything the meters hold for a user: monthly rows, reservations, the concurrency slot, the ledger. */
  const state = async (userId: string) => ({
    monthly: await b.ds.query(
      `SELECT month, metric, jobs_used, jobs_reserved, jobs_unreserved, units_used::int AS units_used, units_reserved::int AS units_reserved,
         units_unreserved::int AS units_unreserved, media_seconds, input_bytes::int AS input_bytes, input_tokens::int AS input_tokens
       FROM usage_monthly WHERE user_id = $1 ORDER BY month, metric`,
      [userId],
    ),
    reservations: await b.ds.query(
      'SELECT action, status, committed_units::int AS committed FROM quota_reservations WHERE user_id = $1 ORDER BY action, status, committed_units',
      [userId],
    ),
    slots: (await b.ds.query('SELECT active_jobs FROM subscriptions WHERE user_id = $1', [userId]))[0]?.active_jobs,
    ledger: (await b.ds.query('SELECT count(*)::int AS n, COALESCE(sum(units), 0)::int AS units FROM usage_events WHERE user_id = $1', [userId]))[0],
  });

  /** Reserves a mix of jobs for a user and returns their completion events (plus two that match nothing reserved). */
  async function scenario(userId: string): Promise<UsageEvent[]> {
    await b.rpc.call('admin.setPlan', { userId, plan: 'pro' });
    await b.rpc.call('admin.setLimits', { userId, limits: { max_concurrent_jobs: -1 } });
    const ids = Array.from({ length: 5 }, () => randomUUID());
    await b.rpc.call('quota.reserve', { userId, jobId: ids[0], action: 'trim', units: 1, features: [] });
    await b.rpc.call('quota.reserve', { userId, jobId: ids[1], action: 'transcribe', units: 3, features: [] });
    await b.rpc.call('quota.reserve', { userId, jobId: ids[2], action: 'trim', units: 1, features: [], subtitleMinutes: 2 });
    await b.rpc.call('quota.reserve', { userId, jobId: ids[3], action: 'hooks', units: 1, features: ['trim'], trimJobs: 3, subtitleMinutes: 4 });
    const now = new Date();
    const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 0, 0, 1)).toISOString();
    return [
      job(userId, ids[0], 'trim'),
      job(userId, ids[1], 'transcribe', { units: 5 }), // longer than reserved: metered at the 3 reserved
      job(userId, ids[2], 'trim', { subtitleMinutes: 3 }), // more minutes than held
      job(userId, ids[3], 'hooks', { trimJobs: 2, subtitleMinutes: 3, inputTokens: 100, outputTokens: 20 }),
      // a second event of the first job under another id: its reservation is already committed
      { ...job(userId, ids[0], 'trim'), eventId: `job:${ids[0]}:completed:again` },
      job(userId, ids[4], 'overlay', { occurredAt: nextMonth }), // unreserved, late month
      requests(userId, 7),
    ];
  }

  it("an event naming another user's job meters the sender's usage unreserved and leaves the owner's reservation to its owner", async () => {
    const [owner, other, jobId] = [randomUUID(), randomUUID(), randomUUID()];
    await b.rpc.call('quota.reserve', { userId: owner, jobId, action: 'trim', units: 1, features: [] });
    const foreign = { ...job(other, jobId, 'trim'), eventId: `job:${jobId}:completed:foreign` };
    expect(await usage.recordBatch([foreign])).toEqual(['recorded']);
    expect(await state(owner)).toMatchObject({ reservations: [{ action: 'trim', status: 'pending' }], slots: 1 });
    expect((await state(other)).monthly).toMatchObject([{ metric: 'trim', jobs_used: 1, jobs_reserved: 0, jobs_unreserved: 1 }]);
    expect(await usage.recordBatch([job(owner, jobId, 'trim')])).toEqual(['recorded']);
    expect(await state(owner)).toMatchObject({
      monthly: [{ metric: 'trim', jobs_used: 1, jobs_reserved: 0, jobs_unreserved: 0 }],
      reservations: [{ action: 'trim', status: 'committed', committed: 1 }],
      slots: 0,
    });
  });

  it('keeps every field of a ledger line as sent (text with quotes and unicode, JSON overrides, offsets, fractions)', async () => {
    const userId = randomUUID();
    const jobId = randomUUID();
    const overrides = { title: 'say "hi", \\ o\'k', nested: { list: [1, 2.5, null], emoji: '🎬' } };
    const e = job(userId, jobId, 'transcribe', {
      units: 3,
      mediaSeconds: 12.75,
      inputBytes: 9_007_199_254,
      template: 'caption {"bold"} \\n ünïcode',
      customOverrides: overrides,
      inputTokens: 1234,
      outputTokens: 56,
      aiProvider: 'openai',
      aiModel: 'gpt-4o-mini',
      occurredAt: '2026-03-01T01:30:00+02:00', // the last day of February in UTC
    });
    const bare = requests(userId, 3);
    expect(await usage.recordBatch([e, bare])).toEqual(['recorded', 'recorded']);
    const rows = await b.ds.query(
      `SELECT event_id, kind, job_id, action, units::int AS units, media_seconds, input_bytes::text AS input_bytes, output_bytes::int AS output_bytes,
         processing_ms::int AS processing_ms, template, custom_overrides, month, occurred_at, input_tokens::int AS input_tokens,
         output_tokens::int AS output_tokens, ai_provider, ai_model
       FROM usage_events WHERE user_id = $1 ORDER BY kind`,
      [userId],
    );
    expect(rows).toEqual([
      {
        event_id: e.eventId, kind: 'job', job_id: jobId, action: 'transcribe', units: 3, media_seconds: 12.75, input_bytes: '9007199254',
        output_bytes: 500, processing_ms: 100, template: 'caption {"bold"} \\n ünïcode', custom_overrides: overrides, month: '2026-02',
        occurred_at: new Date('2026-02-28T23:30:00Z'), input_tokens: 1234, output_tokens: 56, ai_provider: 'openai', ai_model: 'gpt-4o-mini',
      },
      {
        event_id: bare.eventId, kind: 'requests', job_id: null, action: null, units: 3, media_seconds: 0, input_bytes: '0', output_bytes: 0,
        processing_ms: 0, template: null, custom_overrides: null, month: monthOf(new Date(bare.occurredAt)), occurred_at: new Date(bare.occurredAt),
        input_tokens: 0, output_tokens: 0, ai_provider: null, ai_model: null,
      },
    ]);
  });

  it('a batch containing duplicates of itself counts each event once', async () => {
    const userId = randomUUID();
    const events = await scenario(userId);
    const outcomes = await usage.recordBatch([...events, ...events, events[0]]);
    expect(outcomes).toEqual([...events.map(() => 'recorded'), ...events.map(() => 'duplicate'), 'duplicate']);
    // the same events once each, one at a time, for another user: the same meters
    const other = randomUUID();
    const single = await scenario(other);
    for (const e of single) expect(await usage.record(e)).toBe('recorded');
    const [batched, sequential] = [await state(userId), await state(other)];
    expect(batched).toEqual(sequential);
    expect(batched.slots).toBe(0);
    expect(batched.reservations.map((r: { status: string }) => r.status)).toEqual(['committed', 'committed', 'committed', 'committed']);
    const trim = batched.monthly.find((r: { month: string; metric: string }) => r.metric === 'trim' && r.month === monthOf(new Date()));
    // 2 trims, the first one's second event (outside its reservation) and the short's 2 clips
    expect(trim).toMatchObject({ jobs_used: 5, jobs_reserved: 0, jobs_unreserved: 1 });
    expect(batched.monthly.find((r: { metric: string }) => r.metric === 'requests')).toMatchObject({ units_used: 7 });
  });

  it('replaying every event, as a batch or one by one, leaves the meters unchanged', async () => {
    const userId = randomUUID();
    const events = await scenario(userId);
    await usage.recordBatch(events);
    const before = await state(userId);
    expect(await usage.recordBatch(events)).toEqual(events.map(() => 'duplicate'));
    for (const e of [...events].reverse()) expect(await usage.record(e)).toBe('duplicate');
    expect(await state(userId)).toEqual(before);
  });

  it('through the queue: every event delivered twice, batched by the consumer, counted once', async () => {
    const users = Array.from({ length: 3 }, () => randomUUID());
    const events = Array.from({ length: 120 }, (_, i) => job(users[i % 3], randomUUID(), 'overlay'));
    const q = b.queues.queue(QUEUES.usageEvents);
    const drained = () =>
      eventually(async () => {
        const c = await q.getJobCounts('wait', 'active', 'delayed', 'prioritized');
        return c.wait + c.active + c.delayed + c.prioritized === 0;
      }, 30_000);
    // each event twice, the copies interleaved so that many batches hold both
    const twice = events.flatMap((e) => [e, e]);
    await q.addBulk(twice.map((e) => ({ name: e.name, data: e })));
    await drained();
    await eventually(async () => {
      const [{ n }] = await b.ds.query('SELECT count(*)::int AS n FROM usage_events WHERE user_id = ANY($1::uuid[])', [users]);
      return n === 120;
    });
    const rows = await b.ds.query('SELECT sum(jobs_used)::int AS jobs FROM usage_monthly WHERE user_id = ANY($1::uuid[]) AND metric = $2', [users, 'overlay']);
    expect(rows[0].jobs).toBe(120);
    // and a replay of all of them through the queue changes nothing
    await q.addBulk(events.map((e) => ({ name: e.name, data: e })));
    await drained();
    const again = await b.ds.query('SELECT sum(jobs_used)::int AS jobs FROM usage_monthly WHERE user_id = ANY($1::uuid[]) AND metric = $2', [users, 'overlay']);
    expect(again[0].jobs).toBe(120);
  });

  it('bulk messages: events carried many per job, overlapping and mixed with single ones, are counted once', async () => {
    const users = Array.from({ length: 4 }, () => randomUUID());
    const events = Array.from({ length: 1200 }, (_, i) => job(users[i % 4], randomUUID(), 'trim'));
    const q = b.queues.queue(QUEUES.usageEvents);
    const sender = new UsageSender(b.queues);
    // through the sender: sent at once, they share messages (group commit)
    const sending = Promise.all(events.slice(0, 700).map((e) => sender.send(e)));
    // a flush-like send in chunks, overlapping the first 700, and a few single jobs repeating some of them
    const chunks = await sender.sendMany(events.slice(500), `bulk-test:${randomUUID()}`);
    expect(chunks.map((c) => [c.events.length, c.error])).toEqual([[USAGE_BULK_MAX, undefined], [200, undefined]]);
    await q.addBulk(events.slice(0, 10).map((e) => ({ name: e.name, data: e })));
    await sending;
    await eventually(async () => {
      const c = await q.getJobCounts('wait', 'active', 'delayed', 'prioritized');
      return c.wait + c.active + c.delayed + c.prioritized === 0;
    }, 30_000);
    const [{ n }] = await b.ds.query('SELECT count(*)::int AS n FROM usage_events WHERE user_id = ANY($1::uuid[])', [users]);
    expect(n).toBe(1200);
    const rows = await b.ds.query('SELECT sum(jobs_used)::int AS jobs FROM usage_monthly WHERE user_id = ANY($1::uuid[]) AND metric = $2', [users, 'trim']);
    expect(rows[0].jobs).toBe(1200);
    // each job says how many of its events were new: 1,200 in all, across bulk and single jobs
    const done = (await q.getJobs(['completed'], 0, -1)).filter((j) => users.includes(j.name === 'usage.bulk' ? j.data.events[0].userId : j.data.userId));
    expect(done.some((j) => j.name === 'usage.bulk' && j.data.events.length > 1 && j.data.events.length < USAGE_BULK_MAX)).toBe(true); // grouped by the sender
    const recorded = done.reduce((sum, j) => sum + (j.name === 'usage.bulk' ? j.returnvalue.recorded : j.returnvalue === 'recorded' ? 1 : 0), 0);
    expect(recorded).toBe(1200);
  });
});
