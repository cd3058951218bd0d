/**
 * The admin REPL helpers against a running system: the same helper objects each app's `repl.ts`
 * puts in the REPL context, built here on the in-process apps instead of a TTY.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start as startRepl } from 'node:repl';
import { PassThrough } from 'node:stream';
import { Queue } from 'bullmq';
import { installReplHelpers } from '@clipyard/observability';
import { authReplHelpers } from '../apps/auth/src/admin/repl-helpers';
import { billingReplHelpers } from '../apps/billing/src/admin/repl-helpers';
import { gatewayReplHelpers } from '../apps/gateway/src/admin/repl-helpers';
import { eventually, startSystem, uniqueEmail, type System } from './harness';
import { signUp, strongPassword } from './helpers/users';
import { makeVideo } from './helpers/media';
import { upload } from './helpers/jobs';

describe('admin REPL helpers (e2e)', () => {
  let sys: System;
  let auth: ReturnType<typeof authReplHelpers>;
  let billing: ReturnType<typeof billingReplHelpers>;
  let gateway: ReturnType<typeof gatewayReplHelpers>;

  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'admin-repl-'));
    sys = await startSystem({ env: { STORAGE_LOCAL_DIR: path.join(dir, 'storage'), UPLOAD_TMP_DIR: path.join(dir, 'spool') } });
    auth = authReplHelpers((t) => sys.apps.auth!.get(t));
    billing = billingReplHelpers((t) => sys.apps.billing!.get(t));
    gateway = gatewayReplHelpers((t) => sys.apps.gateway!.get(t));
  });
  afterAll(async () => {
    await sys?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('users.create/find/setRole/deactivate and keys.issue/list/revoke act on the running gateway', async () => {
    const email = uniqueEmail('repl');
    const created = await auth.users.create(email, strongPassword());
    const found = await auth.users.find(email);
    expect(found).toMatchObject({ id: created.id, email, role: 'user' });

    const issued = await auth.keys.issue(created.id, 'ops');
    expect(issued.key).toMatch(/^cy_/);
    expect((await sys.get('/v1/auth/me', { apiKey: issued.key })).status).toBe(200);
    expect((await auth.keys.list(email)).map((k: { id: string }) => k.id)).toContain(issued.id);

    // role changes apply to the API key from its next request
    expect((await sys.get('/admin/queues/api/queues', { apiKey: issued.key })).status).toBe(403);
    await auth.users.setRole(email, 'admin');
    // admin routes need the role AND, for an API key, the `admin` scope, which an unscoped key lacks
    expect((await sys.get('/admin/queues/api/queues', { apiKey: issued.key })).status).toBe(403);

    await auth.keys.revoke(created.id, issued.id);
    expect((await sys.get('/v1/auth/me', { apiKey: issued.key })).status).toBe(401);

    const second = await auth.keys.issue(email, 'second');
    expect((await sys.get('/v1/auth/me', { apiKey: second.key })).status).toBe(200);
    await auth.users.deactivate(email);
    const refused = await eventually(async () => {
      const r = await sys.get('/v1/auth/me', { apiKey: second.key });
      return r.status !== 200 && r;
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ACCOUNT_DISABLED');
    await expect(auth.users.find('nobody-' + email)).rejects.toThrow(/no user/);
  });

  it('crypto.rotateProviderKeys() typed into a REPL (shadowing Node\'s crypto global) re-seals provider keys', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (d) => (printed += String(d)));
    const server = startRepl({ input, output, prompt: '> ', terminal: false });
    try {
      installReplHelpers(server.context, authReplHelpers((t) => sys.apps.auth!.get(t)));
      input.write('r = await crypto.rotateProviderKeys(); JSON.stringify(r)\n');
      const line = await eventually(async () => /'(\{"providerKeys".*\})'/.exec(printed)?.[1], 10_000);
      expect(JSON.parse(line)).toEqual({ providerKeys: expect.any(Number), version: expect.any(Number) });
    } finally {
      server.close();
    }
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

  it('jobs.list / get / cancel / retry on any user\'s jobs', async () => {
    await sys.stopApp('media-worker'); // jobs stay queued, so cancel and retry are deterministic
    const alice = await signUp(sys);
    const video = await makeVideo(path.join(dir, 'clip.mp4'), { durationS: 2 });
    const up = await upload(sys, alice.apiKey, video, { contentType: 'video/mp4' });
    expect(up.status).toBe(201);
    const submitted = await sys.post('/v1/jobs/trim', { input: { upload_id: up.body.id }, start: 0, end: 1 }, { apiKey: alice.apiKey });
    expect(submitted.status).toBe(202);
    const id = submitted.body.id;

    const listed = await gateway.jobs.list(alice.userId);
    expect(listed.data.map((j) => j.id)).toEqual([id]);
    expect((await gateway.jobs.get(id)).status).toBe('queued');
    await expect(gateway.jobs.retry(id)).rejects.toThrow(/is queued/);

    expect((await gateway.jobs.cancel(id)).status).toBe('canceled');
    expect((await sys.get(`/v1/jobs/${id}`, { apiKey: alice.apiKey })).body.status).toBe('canceled');

    const again = (await gateway.jobs.retry(id)) as { id: string; status: string };
    expect(again.id).not.toBe(id);
    expect(again.status).toBe('queued');
    const mine = await sys.get(`/v1/jobs/${again.id}`, { apiKey: alice.apiKey });
    expect(mine.status).toBe(200); // the retry belongs to the job's owner
    expect((await gateway.jobs.list(alice.userId, { status: 'queued' })).data.map((j) => j.id)).toEqual([again.id]);
    expect((await gateway.queues.stats())['media-trim'].wait + (await gateway.queues.stats())['media-trim'].prioritized).toBe(1);
    await expect(gateway.jobs.get(randomUUID())).rejects.toThrow(/no job/);
  });
});
