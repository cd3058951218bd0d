import { randomUUID } from 'node:crypto';
import { QUEUES } from '@clipyard/contracts';
import { QueueClient } from '@clipyard/queue';
import { SubscriptionsService } from '../apps/billing/src/subscriptions/subscriptions.service';
import { eventually, startSystem, type System } from './harness';
import { startWebhookReceiver, verify, verifyStandard, type WebhookReceiver } from './fakes/webhook-receiver';
import { signUp, type TestUser } from './helpers/users';
import { JobWebhooks } from '../apps/gateway/src/webhooks/job-webhooks';

/** Webhooks over HTTP: endpoints, signed deliveries to a local receiver, retries, rotation, SSRF. */
describe('webhooks (e2e)', () => {
  let sys: System;
  let receiver: WebhookReceiver;
  let alice: TestUser;
  let queues: QueueClient;

  const setPlan = (userId: string, plan: string) => sys.apps.billing!.get(SubscriptionsService).setPlan(userId, plan);
  const setLimits = (userId: string, limits: Record<string, number>) => sys.apps.billing!.get(SubscriptionsService).setLimits(userId, limits);

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sys = await startSystem({
      apps: ['auth', 'billing', 'gateway'],
      env: { ALLOW_PRIVATE_URLS: 'true', WEBHOOK_RETRY_SCHEDULE: '200ms,500ms,1s' },
    });
    queues = new QueueClient({ url: sys.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: sys.env.REDIS_PREFIX! });
    alice = await signUp(sys);
    await setPlan(alice.userId, 'pro');
  });
  afterAll(async () => {
    await queues.close();
    await sys.stop();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.script.length = 0;
  });

  const create = (user: TestUser, body: unknown) => sys.post('/v1/webhooks', body, { apiKey: user.apiKey });

  it('needs the webhooks plan feature', async () => {
    const bob = await signUp(sys); // free plan
    const res = await create(bob, { url: receiver.url, events: ['job.completed'] });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FEATURE_NOT_IN_PLAN');
  });

  it('validates the body and refuses forbidden destinations, naming the field', async () => {
    const bad = await create(alice, { url: receiver.url, events: ['job.exploded'] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.body.error.details)).toContain('events');
    for (const url of ['http://169.254.169.254/latest/meta-data', 'ftp://example.com/x', 'http://user:pw@example.com/']) {
      const res = await create(alice, { url, events: ['job.completed'] });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('URL_FORBIDDEN');
      expect(res.body.error.details.issues[0].path).toBe('url');
    }
  });

  it('creates an endpoint whose secret is shown once, and keeps it to its owner', async () => {
    const res = await create(alice, { url: receiver.url, events: ['job.completed', 'job.failed'], description: 'ci' });
    expect(res.status).toBe(201);
    expect(res.body.secret).toMatch(/^whsec_/);
    const id = res.body.id;
    const list = await sys.get('/v1/webhooks', { apiKey: alice.apiKey });
    expect(list.body.data.map((w: { id: string }) => w.id)).toContain(id);
    expect(list.text).not.toContain(res.body.secret);
    const one = await sys.get(`/v1/webhooks/${id}`, { apiKey: alice.apiKey });
    expect(one.body).toMatchObject({ id, url: receiver.url, events: ['job.completed', 'job.failed'], description: 'ci' });
    expect(one.body.secret).toBeUndefined();
    const mallory = await signUp(sys);
    await setPlan(mallory.userId, 'pro');
    for (const [m, p] of [
      ['GET', `/v1/webhooks/${id}`],
      ['DELETE', `/v1/webhooks/${id}`],
      ['POST', `/v1/webhooks/${id}/test`],
      ['GET', `/v1/webhooks/${id}/deliveries`],
    ]) {
      expect((await sys.request(m, p, { apiKey: mallory.apiKey })).status).toBe(404);
    }
    expect((await sys.get('/v1/webhooks/not-a-uuid', { apiKey: alice.apiKey })).status).toBe(404);
  });

  it('delivers a signed test event, retries after a 500, logs attempts, and redelivers on demand', async () => {
    const { body: ep } = await create(alice, { url: receiver.url, events: ['job.completed'] });
    receiver.secrets = [ep.secret];
    receiver.script.push(500);
    const sent = await sys.post(`/v1/webhooks/${ep.id}/test`, undefined, { apiKey: alice.apiKey });
    expect(sent.status).toBe(202);
    await eventually(async () => receiver.received.length >= 2);
    expect(receiver.received.map((r) => r.answered)).toEqual([500, 200]);
    const [first, second] = receiver.received;
    expect(ep.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/); // Standard Webhooks: whsec_ + base64
    expect(first.verifiedWith).toEqual([ep.secret]); // the standardwebhooks library accepts it
    expect(second.verifiedWith).toEqual([ep.secret]);
    expect(second.legacyVerifiedWith).toEqual([ep.secret]); // Clipyard-Signature, kept one more release
    expect(second.json).toMatchObject({ type: 'webhook.test', data: { webhook_id: ep.id } });
    expect(first.headers['clipyard-event-id']).toBe(second.headers['clipyard-event-id']);
    // webhook-id is the message id: the same on a retry, so receivers can deduplicate
    expect(first.headers['webhook-id']).toBe(second.json.id);
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(Math.abs(Number(second.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(300);
    expect(String(second.headers['webhook-signature'])).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    // a changed body fails the library's check
    expect(verifyStandard(second.headers, second.body.replace('webhook.test', 'job.completed'), ep.secret)).toBe(false);
    const log = await eventually(async () => {
      const r = await sys.get(`/v1/webhooks/${ep.id}/deliveries`, { apiKey: alice.apiKey });
      return r.body.data[0]?.status === 'succeeded' ? r.body : undefined;
    });
    expect(log.data[0]).toMatchObject({ id: sent.body.id, attempts: 2, last_status_code: 200, event_type: 'webhook.test' });

    const again = await sys.post(`/v1/webhooks/${ep.id}/deliveries/${sent.body.id}/redeliver`, undefined, { apiKey: alice.apiKey });
    expect(again.status).toBe(202);
    await eventually(async () => receiver.received.length >= 3);
    expect(receiver.received[2].headers['clipyard-event-id']).toBe(first.headers['clipyard-event-id']);
    expect(receiver.received[2].verifiedWith).toEqual([ep.secret]);
  });

  it('rotates a secret with an overlap: both sign until it ends', async () => {
    const { body: ep } = await create(alice, { url: receiver.url, events: ['job.completed'] });
    const rotated = await sys.post(`/v1/webhooks/${ep.id}/rotate-secret`, { overlap_hours: 1 }, { apiKey: alice.apiKey });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(ep.secret);
    expect(Date.parse(rotated.body.previous_secret_expires_at)).toBeGreaterThan(Date.now());
    receiver.secrets = [rotated.body.secret, ep.secret];
    await sys.post(`/v1/webhooks/${ep.id}/test`, undefined, { apiKey: alice.apiKey });
    await eventually(async () => receiver.received.length >= 1);
    expect(receiver.received[0].verifiedWith).toEqual([rotated.body.secret, ep.secret]);
    // both signatures, space-separated, as the spec allows
    expect(String(receiver.received[0].headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(receiver.received[0].legacyVerifiedWith).toEqual([rotated.body.secret, ep.secret]);

    // an immediate rotation (no overlap) drops every older secret at once
    const now = await sys.post(`/v1/webhooks/${ep.id}/rotate-secret`, { overlap_hours: 0 }, { apiKey: alice.apiKey });
    receiver.secrets = [now.body.secret, rotated.body.secret, ep.secret];
    await sys.post(`/v1/webhooks/${ep.id}/test`, undefined, { apiKey: alice.apiKey });
    await eventually(async () => receiver.received.length >= 2);
    expect(receiver.received[1].verifiedWith).toEqual([now.body.secret]);
  });

  it('fires usage.threshold_reached once at 80 % and once at 100 % of a monthly limit', async () => {
    const carol = await signUp(sys);
    await setPlan(carol.userId, 'pro');
    await setLimits(carol.userId, { trims_per_month: 5 });
    const { body: ep } = await create(carol, { url: receiver.url, events: ['usage.threshold_reached'] });
    receiver.secrets = [ep.secret];
    for (let i = 0; i < 6; i++) {
      await queues.add(QUEUES.usageEvents, {
        name: 'usage.job',
        eventId: `test:${randomUUID()}`,
        userId: carol.userId,
        jobId: randomUUID(),
        action: 'trim',
        units: 1,
        occurredAt: new Date().toISOString(),
      });
    }
    await eventually(async () => receiver.received.length >= 2);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received).toHaveLength(2);
    const thresholds = receiver.received.map((r) => r.json.data.threshold_percent).sort();
    expect(thresholds).toEqual([100, 80]);
    for (const r of receiver.received) {
      expect(r.verifiedWith).toEqual([ep.secret]);
      expect(r.json).toMatchObject({ type: 'usage.threshold_reached', data: { metric: 'trim', limit: 5 } });
    }
  });

  it('deletes an endpoint', async () => {
    const { body: ep } = await create(alice, { url: receiver.url, events: ['job.completed'] });
    expect((await sys.request('DELETE', `/v1/webhooks/${ep.id}`, { apiKey: alice.apiKey })).status).toBe(204);
    expect((await sys.get(`/v1/webhooks/${ep.id}`, { apiKey: alice.apiKey })).status).toBe(404);
  });

  it('checks the webhooks feature at every use: after a downgrade only list, get and delete still work', async () => {
    const carol = await signUp(sys);
    await setPlan(carol.userId, 'pro');
    const { body: ep } = await create(carol, { url: receiver.url, events: ['job.completed'] });
    receiver.secrets = [ep.secret];
    const sent = await sys.post(`/v1/webhooks/${ep.id}/test`, undefined, { apiKey: carol.apiKey });
    expect(sent.status).toBe(202);
    await eventually(async () => receiver.received.length >= 1);
    await setPlan(carol.userId, 'free');
    for (const [m, p] of [
      ['POST', `/v1/webhooks/${ep.id}/test`],
      ['POST', `/v1/webhooks/${ep.id}/rotate-secret`],
      ['POST', '/v1/webhooks/callback-secret'],
      ['GET', `/v1/webhooks/${ep.id}/deliveries`],
      ['GET', `/v1/webhooks/${ep.id}/deliveries/${sent.body.id}`],
      ['POST', `/v1/webhooks/${ep.id}/deliveries/${sent.body.id}/redeliver`],
    ]) {
      const res = await sys.request(m, p, { apiKey: carol.apiKey, ...(m === 'POST' ? { body: {} } : {}) });
      expect({ m, p, status: res.status, code: res.body?.error?.code }).toEqual({ m, p, status: 403, code: 'FEATURE_NOT_IN_PLAN' });
    }
    // A job finishing now is not delivered to the endpoint (nor to a callback_url).
    const before = receiver.received.length;
    const now = new Date();
    await sys.apps.gateway!.get(JobWebhooks).onFinished({
      id: randomUUID(), userId: carol.userId, type: 'trim', status: 'completed', progress: 100, params: { callback_url: receiver.url },
      input: { url: 'https://example.com/a.mp4' }, uploadId: null, priority: 10, reservationId: null, attempt: 1, error: null,
      outputs: [], usage: null, result: null, aiProvider: null, aiModel: null, revision: '1', createdAt: now, startedAt: now, completedAt: now, outputsExpiredAt: null,
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received.length).toBe(before);
    expect((await sys.get(`/v1/webhooks/${ep.id}`, { apiKey: carol.apiKey })).status).toBe(200);
    expect((await sys.get('/v1/webhooks', { apiKey: carol.apiKey })).status).toBe(200);
    expect((await sys.request('DELETE', `/v1/webhooks/${ep.id}`, { apiKey: carol.apiKey })).status).toBe(204);
  });

  it('a 410 Gone disables the endpoint at once: no retry, no new deliveries, until it is enabled again', async () => {
    const { body: ep } = await create(alice, { url: receiver.url, events: ['job.completed'] });
    receiver.secrets = [ep.secret];
    receiver.script.push(410);
    const sent = await sys.post(`/v1/webhooks/${ep.id}/test`, undefined, { apiKey: alice.apiKey });
    expect(sent.status).toBe(202);
    const disabled = await eventually(async () => {
      const r = await sys.get(`/v1/webhooks/${ep.id}`, { apiKey: alice.apiKey });
      return r.body.disabled_at ? r.body : undefined;
    });
    expect(disabled.disabled_reason).toMatch(/410/);
    const log = await sys.get(`/v1/webhooks/${ep.id}/deliveries/${sent.body.id}`, { apiKey: alice.apiKey });
    expect(log.body).toMatchObject({ status: 'failed', attempts: 1, last_status_code: 410 });

    // a job event for this user is not delivered to the disabled endpoint
    const now = new Date();
    await sys.apps.gateway!.get(JobWebhooks).onFinished({
      id: randomUUID(), userId: alice.userId, type: 'trim', status: 'completed', progress: 100, params: {},
      input: { url: 'https://example.com/a.mp4' }, uploadId: null, priority: 10, reservationId: null, attempt: 1, error: null,
      outputs: [], usage: null, result: null, aiProvider: null, aiModel: null, revision: '1', createdAt: now, startedAt: now, completedAt: now, outputsExpiredAt: null,
    });
    await new Promise((r) => setTimeout(r, 1000));
    // (alice's other endpoints got it; this one's log still holds only the 410'd test delivery)
    expect((await sys.get(`/v1/webhooks/${ep.id}/deliveries`, { apiKey: alice.apiKey })).body.data).toHaveLength(1);

    const enabled = await sys.post(`/v1/webhooks/${ep.id}/enable`, undefined, { apiKey: alice.apiKey });
    expect(enabled.status).toBe(200);
    expect(enabled.body.disabled_at).toBeNull();
    await sys.post(`/v1/webhooks/${ep.id}/test`, undefined, { apiKey: alice.apiKey });
    const again = await eventually(async () => receiver.received.find((r, i) => i > 0 && r.json?.type === 'webhook.test' && r.json?.data?.webhook_id === ep.id));
    expect(again.verifiedWith).toEqual([ep.secret]);
  });

  it('the receiver check used here is the documented one', () => {
    expect(verify('t=1,v1=00', '{}', 'whsec_x')).toBe(false);
  });
});

describe('webhooks to private addresses (default configuration)', () => {
  it('are refused unless ALLOW_PRIVATE_URLS is set', async () => {
    const sys = await startSystem({ apps: ['auth', 'billing', 'gateway'] });
    try {
      const u = await signUp(sys);
      await sys.apps.billing!.get(SubscriptionsService).setPlan(u.userId, 'pro');
      for (const url of ['http://127.0.0.1:9/hook', 'http://[::1]:9/hook', 'http://10.0.0.7/hook', 'http://localhost:9/hook', 'http://[::7f00:1]:9/hook', 'http://[::ffff:7f00:1]:9/hook', 'http://[2002:7f00:1::1]:9/hook', 'http://[64:ff9b::a00:7]/hook']) {
        const res = await sys.post('/v1/webhooks', { url, events: ['job.completed'] }, { apiKey: u.apiKey });
        expect({ url, status: res.status, code: res.body.error?.code }).toEqual({ url, status: 422, code: 'URL_FORBIDDEN' });
      }
    } finally {
      await sys.stop();
    }
  });
});
