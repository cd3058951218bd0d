import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { createDataSource, Database, GATEWAY_ENTITIES } from '@clipyard/database';
import { Metrics } from '@clipyard/observability';
import { QueueClient, startConsumers, type ConsumerHost } from '@clipyard/queue';
import { eventually } from '../../../../test/harness';
import { startWebhookReceiver, type WebhookReceiver } from '../../../../test/fakes/webhook-receiver';
import { loadGatewayConfig, type GatewayConfig } from '../config';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookDispatcher, webhookBackoff } from './webhook-dispatcher';
import { generateWebhookSecret } from './webhook-signature';
import { WebhookSecrets } from './webhook-secrets';
import { WebhooksRepository, type EndpointRecord } from './webhooks.repository';

/** Dispatcher → BullMQ → delivery worker → a real HTTP receiver, on the run's PostgreSQL and Redis. */
describe('webhook delivery (PostgreSQL, Redis, HTTP)', () => {
  let ds: DataSource;
  let repo: WebhooksRepository;
  let receiver: WebhookReceiver;
  const stack: { queues: QueueClient; worker: ConsumerHost; dispatcher: WebhookDispatcher; secrets: WebhookSecrets }[] = [];

  const boot = (over: Record<string, string> = {}) => {
    const config: GatewayConfig = loadGatewayConfig({
      ...process.env,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'cyt'}-wh${randomUUID().slice(0, 6)}`,
      WEBHOOK_RETRY_SCHEDULE: '100ms,400ms',
      ...over,
    });
    const redis = { url: config.REDIS_URL, prefix: config.REDIS_PREFIX };
    const secrets = new WebhookSecrets(config);
    const queues = new QueueClient(redis);
    const dispatcher = new WebhookDispatcher(repo, secrets, queues, config);
    const metrics = new Metrics('test');
    const worker = startConsumers([new WebhookDeliveryWorker(repo, secrets, config, metrics)], { redis, config, logger: pino({ level: 'silent' }), metrics });
    const s = { queues, worker, dispatcher, secrets };
    stack.push(s);
    return s;
  };

  const endpoint = async (s: { secrets: WebhookSecrets }, userId: string, url: string, events = ['job.completed']) => {
    const id = randomUUID();
    const secret = generateWebhookSecret();
    const e = await repo.insertEndpoint({ id, userId, kind: 'endpoint', url, description: null, events, secretSealed: s.secrets.seal(id, secret) });
    return { e, secret };
  };

  beforeAll(async () => {
    ds = await createDataSource({ url: process.env.DATABASE_URL!, entities: GATEWAY_ENTITIES }).initialize();
    repo = new WebhooksRepository(new Database(ds));
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    for (const s of stack) {
      await s.worker.close();
      await s.queues.close();
    }
    await receiver.close();
    await ds.destroy();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.script.length = 0;
  });

  it('delivers a signed event once per endpoint, with the event id header, and logs it', async () => {
    const s = boot({ ALLOW_PRIVATE_URLS: 'true' });
    const userId = randomUUID();
    const { e, secret } = await endpoint(s, userId, receiver.url);
    await endpoint(s, userId, `${receiver.url}?other`, ['job.failed']); // not subscribed
    receiver.secrets = [secret];
    const ev = { userId, type: 'job.completed', key: `job:${randomUUID()}:completed`, data: { job: { id: 'j1' } } };
    await s.dispatcher.dispatch(ev);
    await s.dispatcher.dispatch(ev); // a replayed event is not sent twice
    await eventually(async () => receiver.received.length >= 1);
    const [got] = receiver.received;
    expect(got.verifiedWith).toEqual([secret]);
    expect(got.json).toMatchObject({ type: 'job.completed', data: { job: { id: 'j1' } } });
    expect(got.headers['clipyard-event-id']).toBe(got.json.id);
    expect(got.json.id).toMatch(/^evt_[0-9a-f]{32}$/);
    const log = await eventually(async () => {
      const [d] = await repo.listDeliveries(userId, e.id, 10);
      return d?.status === 'succeeded' ? d : undefined;
    });
    expect(log).toMatchObject({ attempts: 1, lastStatusCode: 200, eventId: got.json.id });
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received).toHaveLength(1);
  });

  it('retries after a 500 from the receiver and records each attempt', async () => {
    const s = boot({ ALLOW_PRIVATE_URLS: 'true' });
    const userId = randomUUID();
    const { e, secret } = await endpoint(s, userId, receiver.url);
    receiver.secrets = [secret];
    receiver.script.push(500);
    await s.dispatcher.dispatch({ userId, type: 'job.completed', key: `job:${randomUUID()}:completed`, data: {} });
    await eventually(async () => receiver.received.length >= 2);
    expect(receiver.received.map((r) => r.answered)).toEqual([500, 200]);
    expect(receiver.received[0].headers['clipyard-event-id']).toBe(receiver.received[1].headers['clipyard-event-id']);
    expect(receiver.received.map((r) => r.headers['clipyard-delivery-attempt'])).toEqual(['1', '2']);
    expect(receiver.received.every((r) => r.verifiedWith.length === 1)).toBe(true);
    const d = await eventually(async () => {
      const [row] = await repo.listDeliveries(userId, e.id, 10);
      return row?.status === 'succeeded' ? row : undefined;
    });
    expect(d.attempts).toBe(2);
  });

  it('marks a delivery failed after the last attempt', async () => {
    const s = boot({ ALLOW_PRIVATE_URLS: 'true' });
    const userId = randomUUID();
    const { e } = await endpoint(s, userId, receiver.url);
    receiver.script.push(503, 503, 503);
    await s.dispatcher.dispatch({ userId, type: 'job.completed', key: `job:${randomUUID()}:completed`, data: {} });
    const d = await eventually(async () => {
      const [row] = await repo.listDeliveries(userId, e.id, 10);
      return row?.status === 'failed' ? row : undefined;
    });
    expect(d).toMatchObject({ attempts: 3, lastStatusCode: 503, lastError: 'receiver answered HTTP 503' });
  });

  it('refuses private destinations by default, at once and without sending', async () => {
    const s = boot(); // ALLOW_PRIVATE_URLS unset
    const userId = randomUUID();
    const { e } = await endpoint(s, userId, receiver.url);
    await s.dispatcher.dispatch({ userId, type: 'job.completed', key: `job:${randomUUID()}:completed`, data: {} });
    const d = await eventually(async () => {
      const [row] = await repo.listDeliveries(userId, e.id, 10);
      return row?.status === 'failed' ? row : undefined;
    });
    expect(d.attempts).toBe(1);
    expect(d.lastError).toMatch(/^URL_FORBIDDEN/);
    expect(receiver.received).toHaveLength(0);
  });

  it('signs with both secrets during a rotation overlap', async () => {
    const s = boot({ ALLOW_PRIVATE_URLS: 'true' });
    const userId = randomUUID();
    const { e, secret: old } = await endpoint(s, userId, receiver.url);
    const fresh = generateWebhookSecret();
    const rotated = (await repo.rotateSecret(userId, e.id, s.secrets.seal(e.id, fresh), e.secretSealed, new Date(Date.now() + 3600_000))) as EndpointRecord;
    expect(rotated.previousSecretSealed).toBe(e.secretSealed);
    receiver.secrets = [fresh, old, generateWebhookSecret()];
    await s.dispatcher.dispatch({ userId, type: 'job.completed', key: `job:${randomUUID()}:completed`, data: {} });
    await eventually(async () => receiver.received.length >= 1);
    expect(String(receiver.received[0].headers['clipyard-signature']).match(/v1=/g)).toHaveLength(2);
    expect(receiver.received[0].verifiedWith).toEqual([fresh, old]);
  });

  it('retries on the Standard Webhooks schedule by default: about three days with jitter', () => {
    const defaults = loadGatewayConfig({});
    const schedule = defaults.WEBHOOK_RETRY_SCHEDULE;
    expect(schedule).toEqual([5e3, 3e5, 18e5, 72e5, 18e6, 36e6, 504e5, 72e6, 864e5]); // 5s 5m 30m 2h 5h 10h 14h 20h 24h
    const total = (random: () => number) => schedule.reduce((sum, _, i) => sum + webhookBackoff(i + 1, schedule, random), 0);
    expect(total(() => 0.5) / 86_400_000).toBeCloseTo(3.15, 1);
    expect(total(() => 0) / 86_400_000).toBeGreaterThan(2.8); // -10 % jitter
    expect(total(() => 0.999) / 86_400_000).toBeLessThan(3.5); // +10 % jitter
    expect(new Set([1, 2, 3].map(() => webhookBackoff(1, schedule))).size).toBeGreaterThan(1); // jitter spreads retries
    expect(() => loadGatewayConfig({ WEBHOOK_RETRY_SCHEDULE: '5s,soon' })).toThrow(/WEBHOOK_RETRY_SCHEDULE/);
    expect(defaults.ALLOW_PRIVATE_URLS).toBe(false);
  });
});
