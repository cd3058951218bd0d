/**
 * The admin REPL helpers against a running system: the same helper objects each app's `repl.ts`
 * puts in the REPL context, built here on the in-process apps instead of a TTY.
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { billingReplHelpers } from '../apps/billing/src/admin/repl-helpers';
import { gatewayReplHelpers } from '../apps/gateway/src/admin/repl-helpers';
import { startSystem, type System } from './harness';

describe('admin REPL helpers (e2e)', () => {
  let sys: System;
  let billing: ReturnType<typeof billingReplHelpers>;
  let gateway: ReturnType<typeof gatewayReplHelpers>;

  beforeAll(async () => {
    sys = await startSystem();
    billing = billingReplHelpers((t) => sys.apps.billing!.get(t));
    gateway = gatewayReplHelpers((t) => sys.apps.gateway!.get(t));
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('plans.list / set / override and usage.summary', async () => {
    const plans = await billing.plans.list();
    expect(plans.map((p) => p.code)).toEqual(expect.arrayContaining(['free', 'pro']));

    const userId = randomUUID();
    expect((await billing.plans.get(userId)).plan).toBe('free');
    const pro = await billing.plans.set(userId, 'pro');
    expect(pro.plan).toBe('pro');
    expect(pro.limits).toEqual(plans.find((p) => p.code === 'pro')!.limits);
    await expect(billing.plans.set(userId, 'no-such-plan')).rejects.toMatchObject({ code: 'PLAN_NOT_FOUND' });

    const overridden = await billing.plans.override(userId, { trims_per_month: 7, max_concurrent_jobs: -1 });
    expect(overridden.limits.trims_per_month).toBe(7);
    expect(overridden.limits.max_concurrent_jobs).toBe(-1);
    const cleared = await billing.plans.override(userId, { trims_per_month: null });
    expect(cleared.limits.trims_per_month).toBe(pro.limits.trims_per_month);

    const month = new Date().toISOString().slice(0, 7);
    const summary = await billing.usage.summary(userId, month);
    expect(summary).toMatchObject({ month, plan: 'pro' });
    expect(summary.actions.trim).toMatchObject({ used: 0, limit: pro.limits.trims_per_month });
  });

  it('refuses bad arguments with a one-line message', async () => {
    await expect(billing.plans.set('not-a-uuid', 'pro')).rejects.toThrow(/^userId: .*uuid/);
    await expect(billing.plans.override(randomUUID(), { trims_per_month: 'lots' } as never)).rejects.toThrow(/^limits: trims_per_month/);
    await expect(billing.usage.summary(randomUUID(), '2024-13')).rejects.toThrow(/^month: /);
  });

  it('queues.stats counts every queue by state', async () => {
    const q = new Queue('media-overlay', { connection: { url: sys.env.REDIS_URL }, prefix: `${sys.env.REDIS_PREFIX}:bull` });
    try {
      await q.add('probe', {}, { delay: 3_600_000 });
      const stats = await gateway.queues.stats();
      expect(stats['media-overlay'].delayed).toBe(1);
      expect(Object.keys(stats)).toEqual(expect.arrayContaining(['media-trim', 'media-transcribe', 'usage-events', 'job-events', 'rpc-auth']));
    } finally {
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
  });
});
