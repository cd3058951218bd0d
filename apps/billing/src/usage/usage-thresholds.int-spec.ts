import { randomUUID } from 'node:crypto';
import { QUEUES } from '@clipyard/contracts';
import { eventually } from '../../../../test/harness';
import { startBilling, type BillingContext } from '../../../../test/helpers/billing';

/** The real billing app: usage events in, `usage.threshold_reached` on the webhook-events queue out. */
describe('usage thresholds (billing → webhook-events)', () => {
  let b: BillingContext;
  beforeAll(async () => {
    b = await startBilling();
  });
  afterAll(() => b.close());

  const usage = (userId: string, action: 'trim' | 'transcribe', units = 1, eventId = randomUUID()) =>
    b.queues.add(QUEUES.usageEvents, {
      name: 'usage.job',
      eventId,
      userId,
      jobId: randomUUID(),
      action,
      units,
      mediaSeconds: units * 60,
      occurredAt: new Date().toISOString(),
    });
  const fired = async (userId: string) => {
    const jobs = await b.queues.queue(QUEUES.webhookEvents).getJobs(['waiting', 'delayed', 'completed', 'failed', 'active']);
    return jobs.map((j) => j.data).filter((d) => d.userId === userId);
  };

  it('fires once at 80 % and once at 100 % of the monthly trim limit (free plan: 5)', async () => {
    const userId = randomUUID();
    for (let i = 0; i < 3; i++) await usage(userId, 'trim');
    await eventually(async () => (await b.rpc.call('usage.summary', { userId })).actions.trim.used === 3);
    expect(await fired(userId)).toEqual([]);
    await usage(userId, 'trim'); // 4 of 5 = 80 %
    const first = await eventually(async () => {
      const f = await fired(userId);
      return f.length === 1 ? f : undefined;
    });
    expect(first[0]).toMatchObject({ name: 'usage.threshold_reached', metric: 'trim', threshold: 80, used: 4, limit: 5 });
    await usage(userId, 'trim'); // 5 of 5
    const dup = randomUUID();
    await usage(userId, 'trim', 1, dup); // over the limit (unreserved), and a replay of it
    await usage(userId, 'trim', 1, dup);
    await eventually(async () => (await b.rpc.call('usage.summary', { userId })).actions.trim.used === 6);
    await new Promise((r) => setTimeout(r, 300));
    const all = await fired(userId);
    expect(all.map((d) => [d.metric, d.threshold])).toEqual(expect.arrayContaining([['trim', 80], ['trim', 100]]));
    expect(all).toHaveLength(2);
    expect(new Set(all.map((d) => d.eventId)).size).toBe(2);
  });

  it('judges transcription minutes separately from transcription jobs', async () => {
    const userId = randomUUID();
    await b.rpc.call('admin.setLimits', { userId, limits: { transcribe_minutes_per_month: 10, transcribes_per_month: 100 } });
    await usage(userId, 'transcribe', 9); // 9 of 10 minutes
    const f = await eventually(async () => {
      const x = await fired(userId);
      return x.length ? x : undefined;
    });
    expect(f.map((d) => [d.metric, d.threshold, d.used])).toEqual([['transcribe_minutes', 80, 9]]);
  });
  it('judges each user of one batch on their own month (one bulk message, many users)', async () => {
    const [a, c, quiet] = [randomUUID(), randomUUID(), randomUUID()];
    await b.rpc.call('admin.setLimits', { userId: c, limits: { transcribe_minutes_per_month: 10, transcribes_per_month: 100 } });
    const event = (userId: string, action: 'trim' | 'transcribe', units = 1) => ({
      name: 'usage.job' as const,
      eventId: randomUUID(),
      userId,
      jobId: randomUUID(),
      action,
      units,
      mediaSeconds: units * 60,
      occurredAt: new Date().toISOString(),
    });
    // a: 4 of 5 trims (80 %); quiet: 1 of 5; c: 9 of 10 transcription minutes
    const events = [event(a, 'trim'), event(quiet, 'trim'), event(a, 'trim'), event(c, 'transcribe', 9), event(a, 'trim'), event(a, 'trim')];
    await b.queues.add(QUEUES.usageEvents, { name: 'usage.bulk', events });
    const got = await eventually(async () => {
      const [fa, fc] = [await fired(a), await fired(c)];
      return fa.length && fc.length ? { fa, fc } : undefined;
    });
    expect(got.fa.map((d) => [d.metric, d.threshold, d.used, d.limit])).toEqual([['trim', 80, 4, 5]]);
    expect(got.fc.map((d) => [d.metric, d.threshold, d.used])).toEqual([['transcribe_minutes', 80, 9]]);
    expect(await fired(quiet)).toEqual([]);
  });
});
