/**
 * Every kind of Redis use against a real 3-master Redis Cluster (started here on free ports, torn
 * down by pid): queues with their hash-tagged prefix through the declared consumers, the backlog
 * the autoscaler reads, RPC, the broadcast caches, rate limits, the auth app's MULTI writers and
 * the gateway's revocation list, the readiness check, and SCAN over every master. The same code
 * runs against the single Redis in the other specs.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AUTH_REDIS, AppError, CONTRACT_VERSION, QUEUES, QUEUE_JOB_NAMES, type ParsedQueuePayload } from '@clipyard/contracts';
import { Metrics, RedisHealth } from '@clipyard/observability';
import {
  ALL_QUEUE_NAMES,
  BroadcastCache,
  Consumer,
  Handle,
  QueueClient,
  QueueDepthMetrics,
  RpcClient,
  RpcServer,
  createRedis,
  queuePrefix,
  scanKeys,
  startConsumers,
  type RedisSettings,
} from '@clipyard/queue';
import IORedis, { type Cluster } from 'ioredis';
import { AuthRedis } from '../apps/auth/src/common/redis.provider';
import { ApiKeyCache } from '../apps/auth/src/api-keys/api-key.cache';
import { SessionRevocations } from '../apps/auth/src/sessions/session-revocations';
import type { AuthConfig } from '../apps/auth/src/config';
import { RevokedSessions } from '../apps/gateway/src/auth/revoked-sessions';
import type { GatewayConfig } from '../apps/gateway/src/config';
import { ownRedisCluster, type OwnRedisCluster } from './helpers/own-services';
import { someHandlers } from './helpers/rpc';
import { waitFor } from './helpers/queues';

// the test runner's own cleanup (plain JS, run by scripts/test.js after every run)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cleanRedis } = require('../scripts/lib/clean-redis') as { cleanRedis: (url: string, prefix: string, clusterNodes?: string) => Promise<number> };
const SECRET = 'test-rpc-secret-0123456789-0123456789';
const logger = pino({ level: 'silent' });

/** Takes every job name the queue carries (the contract may add some), records account.deleted. */
@Consumer(QUEUES.accountEventsGateway)
class DeletedAccounts {
  readonly seen: string[] = [];
  @Handle(...QUEUE_JOB_NAMES[QUEUES.accountEventsGateway])
  handle(p: ParsedQueuePayload<typeof QUEUES.accountEventsGateway>): void {
    if (p.name === 'account.deleted') this.seen.push(p.userId);
  }
}

describe('on a real Redis Cluster (3 masters)', () => {
  let cluster: OwnRedisCluster;
  let settings: RedisSettings;
  let conn: Cluster;
  const cleanup: Array<() => Promise<unknown>> = [];
  const later = <T extends object>(x: T): T => {
    const o = x as { quit?: () => Promise<unknown>; close?: () => Promise<unknown> };
    cleanup.push(() => (o.quit ? o.quit() : o.close!()).catch(() => undefined));
    return x;
  };
  const env = () => ({
    REDIS_URL: settings.url,
    REDIS_PREFIX: settings.prefix,
    REDIS_CLUSTER_NODES: cluster.nodes,
  });

  beforeAll(async () => {
    cluster = await ownRedisCluster(3);
    settings = { url: 'redis://127.0.0.1:6379', prefix: `${process.env.REDIS_PREFIX ?? 'cyt'}-cl-${randomBytes(3).toString('hex')}`, cluster: cluster.nodes };
    conn = createRedis(settings) as Cluster;
  }, 90_000);

  afterAll(async () => {
    while (cleanup.length) await cleanup.pop()!();
    await conn?.quit().catch(() => undefined);
    await cluster?.destroy();
  });

  /** The master holding `key`'s slot. */
  const masterOf = async (key: string): Promise<string> => {
    const slot = Number(await conn.cluster('KEYSLOT', key));
    const ranges = await conn.cluster('SLOTS');
    const [, , [host, port]] = ranges.find(([from, to]) => slot >= from && slot <= to)!;
    return `${host}:${port}`;
  };

  it('puts every key of one queue in one slot and spreads the queues over the masters', async () => {
    const slot = (key: string) => conn.cluster('KEYSLOT', key).then(Number);
    const masters = new Set<string>();
    for (const queue of ALL_QUEUE_NAMES) {
      const base = `${queuePrefix(settings, queue)}:${queue}`;
      expect(base).toBe(`${settings.prefix}:bull:{${queue}}:${queue}`);
      const slots = new Set(await Promise.all(['wait', 'prioritized', 'meta', 'events', 'marker', 'id', 'some-job-id'].map((s) => slot(`${base}:${s}`))));
      expect(slots.size).toBe(1);
      masters.add(await masterOf(`${base}:wait`));
    }
    expect(masters.size).toBeGreaterThan(1);
    // on one server nothing changes: the keys stay `<prefix>:bull:<queue>:…`
    expect(queuePrefix({ url: settings.url, prefix: 'cy' }, QUEUES.trim)).toBe('cy:bull');
  });

  it('runs queue jobs through the declared consumers, and reports the backlog the autoscaler reads', async () => {
    const queues = later(new QueueClient(settings));
    const consumer = new DeletedAccounts();
    const host = startConsumers([consumer], { redis: settings, config: {}, logger });
    cleanup.push(() => host.close());
    const users = [randomUUID(), randomUUID(), randomUUID()];
    for (const userId of users) {
      await queues.add(QUEUES.accountEventsGateway, { name: 'account.deleted', v: CONTRACT_VERSION, eventId: randomUUID(), userId, occurredAt: new Date().toISOString() });
    }
    await waitFor(() => consumer.seen.length === users.length, 20_000, 'account events consumed');
    expect([...consumer.seen].sort()).toEqual([...users].sort());

    const trim = queues.queue(QUEUES.trim);
    await trim.add('trim', {}, { priority: 10 });
    await trim.add('trim', {}, { priority: 1 });
    await trim.add('trim', {});
    await trim.add('trim', {}, { delay: 60_000 });
    const depth = new QueueDepthMetrics(settings, new Metrics('gateway'));
    cleanup.push(() => depth.onApplicationShutdown());
    expect((await depth.backlog(10_000))[QUEUES.trim]).toEqual({ backlog: 3, wait: 1, prioritized: 2, delayed: 1, active: 0, paused: false });
    const counts = await depth.counts(10_000);
    expect(Object.keys(counts).sort()).toEqual([...ALL_QUEUE_NAMES].sort());
    expect(counts[QUEUES.accountEventsGateway]).toMatchObject({ wait: 0, active: 0, failed: 0 });
    await trim.obliterate({ force: true });
  });

  it('answers RPC calls (requests on the hash-tagged queue, replies over pub/sub), domain errors included', async () => {
    let n = 0;
    const server = new RpcServer(
      'billing',
      someHandlers('billing', {
        'billing.ping': () => {
          if (++n === 1) throw new AppError('RATE_LIMITED', 'slow down', { limit: 5 });
          return { service: `billing-${n}`, ok: true, time: new Date().toISOString() };
        },
      }),
      settings,
      SECRET,
      logger,
    );
    server.start();
    cleanup.push(() => server.close());
    const client = later(new RpcClient(settings, SECRET, 10_000));
    await expect(client.call('billing.ping', {})).rejects.toMatchObject({ code: 'RATE_LIMITED', details: { limit: 5 } });
    const replies = await Promise.all(Array.from({ length: 50 }, () => client.call('billing.ping', {})));
    expect(new Set(replies.map((r) => r.service)).size).toBe(50);
  });

  it('keeps the broadcast caches of two processes honest: an announcement drops the other copy', async () => {
    const channel = `${settings.prefix}:test:changed`;
    const [a, b] = [later(new BroadcastCache<string>(settings, { channel, ttlMs: 60_000 })), later(new BroadcastCache<string>(settings, { channel, ttlMs: 60_000 }))];
    await Promise.all([a.start(), b.start()]);
    expect(a.active && b.active).toBe(true);
    let version = 'v1';
    expect(await a.through('k', async () => version)).toBe('v1');
    expect(await b.through('k', async () => version)).toBe('v1');
    version = 'v2';
    expect(await b.through('k', async () => version)).toBe('v1'); // kept
    await a.announce('k', conn);
    await waitFor(() => b.get('k') === undefined, 10_000, 'the announcement to reach the other cache');
    expect(await b.through('k', async () => version)).toBe('v2');
  });

  it('rate-limits on the cluster (rate-limiter-flexible: consume, block, get, delete)', async () => {
    const store = later(createRedis(settings, { maxRetriesPerRequest: 3 }));
    const limiter = new RateLimiterRedis({ storeClient: store, keyPrefix: `${settings.prefix}:rl:test`, points: 2, duration: 60 });
    await limiter.consume('1.2.3.4');
    await limiter.consume('1.2.3.4');
    await expect(limiter.consume('1.2.3.4')).rejects.toBeInstanceOf(RateLimiterRes);
    await limiter.consume('5.6.7.8'); // another key, likely another slot, is counted apart
    await limiter.block('acct', 30);
    expect((await limiter.get('acct'))!.msBeforeNext).toBeGreaterThan(20_000);
    await limiter.delete('acct');
    expect(await limiter.get('acct')).toBeNull();
  });

  it("runs the auth app's MULTI writers (API key entry + announcement, session revocations) and the gateway hears them", async () => {
    const authConfig = { ...env(), JWT_ACCESS_TTL_S: 900, API_KEYS_CACHE_TTL_S: 300 } as unknown as AuthConfig;
    const authRedis = new AuthRedis(authConfig);
    cleanup.push(() => authRedis.onApplicationShutdown());
    expect(authRedis.client.isCluster).toBe(true);
    const revoked = new RevokedSessions({ ...env() } as unknown as GatewayConfig, logger);
    await revoked.onModuleInit();
    cleanup.push(() => revoked.onApplicationShutdown());

    const sessions = [randomUUID(), randomUUID()];
    await new SessionRevocations(authConfig, authRedis).publish(sessions);
    await waitFor(() => sessions.every((s) => revoked.isRevoked(s)), 10_000, 'revocations to reach the gateway');
    expect(await conn.zcard(AUTH_REDIS.revokedSessions(authRedis.prefix))).toBe(2);
    // a gateway starting now loads them from the sorted set
    const late = new RevokedSessions({ ...env() } as unknown as GatewayConfig, logger);
    await late.onModuleInit();
    cleanup.push(() => late.onApplicationShutdown());
    expect(sessions.every((s) => late.isRevoked(s))).toBe(true);

    const changes = later(new BroadcastCache<string>(settings, { channel: AUTH_REDIS.apiKeyChangedChannel(authRedis.prefix), ttlMs: 60_000 }));
    await changes.start();
    await changes.through('hash-1', async () => 'live');
    await new ApiKeyCache(authConfig, authRedis).tombstone('hash-1', 'API_KEY_REVOKED');
    expect(JSON.parse((await conn.get(AUTH_REDIS.apiKey(authRedis.prefix, 'hash-1')))!)).toEqual({ ok: false, code: 'API_KEY_REVOKED' });
    await waitFor(() => changes.get('hash-1') === undefined, 10_000, 'the key change to be announced');
  });

  it('reports ready (cluster_state ok) and finds keys on every master with scanKeys', async () => {
    const health = new RedisHealth((o) => createRedis(settings, o));
    try {
      await expect(health.check()).resolves.toBeUndefined();
    } finally {
      await health.onModuleDestroy();
    }
    const keys = Array.from({ length: 30 }, (_, i) => `${settings.prefix}:scan:${i}`);
    for (const k of keys) await conn.set(k, '1');
    const holders = new Set(await Promise.all(keys.map(masterOf)));
    expect(holders.size).toBeGreaterThan(1);
    const found: string[] = [];
    for await (const batch of scanKeys(conn, `${settings.prefix}:scan:*`, 5)) found.push(...batch);
    expect(found.sort()).toEqual([...keys].sort());
    // and the runner's cleanup removes a run's keys from every master
    expect(await cleanRedis(settings.url, `${settings.prefix}:scan:`, cluster.env)).toBe(keys.length);
    expect(await conn.exists(...keys.slice(0, 1))).toBe(0);
    const left: string[] = [];
    for await (const batch of scanKeys(conn, `${settings.prefix}:scan:*`)) left.push(...batch);
    expect(left).toEqual([]);
  });

  // last: the cluster loses a master (there is no replica to promote) and stays down
  it('moves a subscriber whose node goes to another seed node; a cache keeps nothing until it is subscribed again', async () => {
    const channel = `${settings.prefix}:test:failover`;
    const cache = later(new BroadcastCache<string>(settings, { channel, ttlMs: 60_000 }));
    await cache.start();
    await cache.through('k', async () => 'v1');
    expect(cache.get('k')).toBe('v1');
    await cluster.stopNode(cluster.nodes[0].port); // every subscriber's first seed node
    await waitFor(() => !cache.active, 10_000, 'the cache to notice the lost subscription');
    expect(cache.get('k')).toBeUndefined(); // what was published meanwhile could have been missed
    await waitFor(() => cache.active, 20_000, 'the subscription to come back on another node');
    expect(await cache.through('k', async () => 'v2')).toBe('v2');
    expect(cache.get('k')).toBe('v2');
    const elsewhere = later(new IORedis(cluster.nodes[2].port, '127.0.0.1', { maxRetriesPerRequest: 1 }));
    await elsewhere.publish(channel, 'k'); // a keyless PUBLISH still crosses the (degraded) cluster
    await waitFor(() => cache.get('k') === undefined, 10_000, 'the announcement through the new node');
  });
});
