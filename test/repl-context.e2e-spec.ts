/**
 * What `npm run repl -- <app>` builds: the app's services with background work off. Opening a
 * REPL next to a running system must not make it one more billing consumer, RPC server or media
 * worker; its helpers still read and write through the same services.
 */
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUES } from '@clipyard/contracts';
import { RpcClient, bullPrefix } from '@clipyard/queue';
import { BillingAppModule } from '../apps/billing/src/app.module';
import { billingReplHelpers } from '../apps/billing/src/admin/repl-helpers';
import { loadBillingConfig } from '../apps/billing/src/config';
import { WorkerAppModule } from '../apps/media-worker/src/app.module';
import { loadWorkerConfig } from '../apps/media-worker/src/config';
import { startSystem, type System } from './harness';

describe('admin REPL contexts take no background work (e2e)', () => {
  let sys: System;
  const contexts: INestApplicationContext[] = [];
  beforeAll(async () => {
    // the system runs without billing and media-worker: only the REPL contexts below could answer
    sys = await startSystem({ apps: ['gateway', 'auth'], env: { RPC_TIMEOUT_MS: '800', LOG_LEVEL: 'error' } });
    const quiet = { ...sys.env, LOG_LEVEL: 'error' };
    for (const module of [
      BillingAppModule.forRoot(loadBillingConfig(quiet), undefined, { background: false }),
      WorkerAppModule.forRoot(loadWorkerConfig(quiet), undefined, { background: false }),
    ]) {
      const ctx = await NestFactory.createApplicationContext(module, { logger: false });
      await ctx.init();
      contexts.push(ctx);
    }
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await sys?.stop();
  });

  it('answers no RPC and consumes no queue, while its helpers work', async () => {
    const rpc = sys.apps.gateway!.get(RpcClient);
    await expect(rpc.call('billing.ping', {}, { timeoutMs: 800 })).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    await expect(rpc.call('media.ping', {}, { timeoutMs: 800 })).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });

    const prefix = bullPrefix({ url: sys.env.REDIS_URL!, prefix: sys.env.REDIS_PREFIX! });
    const trim = new Queue(QUEUES.trim, { connection: { url: sys.env.REDIS_URL }, prefix });
    try {
      expect(await trim.getWorkersCount()).toBe(0);
    } finally {
      await trim.close();
    }

    const helpers = billingReplHelpers((t) => contexts[0].get(t));
    const plans = await helpers.plans.list();
    expect(plans.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['free', 'pro', 'premium']));
  });
});
