import IORedis, { Cluster, type ClusterOptions, type Redis, type RedisOptions } from 'ioredis';

/** One node of a Redis Cluster (REDIS_CLUSTER_NODES). */
export interface RedisNode {
  host: string;
  port: number;
}

export interface RedisSettings {
  /** One server; on a cluster only its user, password and TLS (`rediss://`) are used. */
  url: string;
  prefix: string;
  /** Seed nodes of a Redis Cluster: every connection is then an ioredis Cluster (see queuePrefix). */
  cluster?: RedisNode[];
}

/** A connection made by createRedis: one server, or a Redis Cluster. */
export type RedisClient = Redis | Cluster;

/** The Redis settings of an app's validated config (REDIS_URL, REDIS_PREFIX, REDIS_CLUSTER_NODES). */
export function redisSettings(config: { REDIS_URL: string; REDIS_PREFIX: string; REDIS_CLUSTER_NODES?: RedisNode[] }): RedisSettings {
  return { url: config.REDIS_URL, prefix: config.REDIS_PREFIX, ...(config.REDIS_CLUSTER_NODES?.length ? { cluster: config.REDIS_CLUSTER_NODES } : {}) };
}

/**
 * A Redis connection suitable for BullMQ workers (`maxRetriesPerRequest: null` so blocking
 * commands survive reconnects). Callers own the connection and must `quit()` it. With
 * `settings.cluster` it is an ioredis Cluster: the same commands, but every command (and every
 * MULTI, pipeline or script) must keep its keys in one hash slot, and SCAN sees one node only.
 *
 * `disableClientInfo`: ioredis 5.8.2+ awaits CLIENT SETINFO (and a disk read) before its ready
 * check, which widens the window in which a SUBSCRIBE breaks it; see `subscribe` below.
 */
export function createRedis(settings: RedisSettings, extra: RedisOptions = {}): RedisClient {
  const options: RedisOptions = {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: false,
    disableClientInfo: true,
    ...extra,
  };
  const conn: RedisClient = settings.cluster ? new Cluster(settings.cluster, clusterOptions(settings.url, options)) : new IORedis(settings.url, options);
  // A connection error surfaces where it matters (the command that fails, readiness' own ping);
  // without a listener ioredis prints every reconnect attempt to stderr as "Unhandled error event".
  conn.on('error', () => undefined);
  return conn;
}

/**
 * A connection for SUBSCRIBE (pub/sub only). On one server it is createRedis's. On a cluster it is
 * a plain connection to one node, moving to the next seed node on each reconnect: PUBLISH reaches
 * every node of a cluster, and unlike ioredis Cluster's subscriber (which silently re-subscribes
 * elsewhere when its node goes) this one emits 'close' and 'ready', which the caches and the
 * revocation list rely on to drop or reload what they may have missed.
 */
export function createSubscriber(settings: RedisSettings, extra: RedisOptions = {}): Redis {
  const nodes = settings.cluster;
  if (!nodes?.length) return createRedis(settings, extra) as Redis;
  let next = 0;
  const conn: Redis = new IORedis({
    ...nodeOptions(settings.url),
    ...nodes[0],
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    disableClientInfo: true,
    ...extra,
    retryStrategy: (times) => {
      // ioredis reads host and port from its options at every connect
      next = (next + 1) % nodes.length;
      Object.assign(conn.options, nodes[next]);
      return Math.min(times * 50, 2000);
    },
  });
  conn.on('error', () => undefined);
  return conn;
}

/** User, password and TLS of REDIS_URL, for every node of a cluster. */
function nodeOptions(url: string): RedisOptions {
  const u = new URL(url);
  return {
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** createRedis's options split into the Cluster's own and its nodes' (`redisOptions`). */
function clusterOptions(url: string, o: RedisOptions): ClusterOptions {
  const { enableReadyCheck, lazyConnect, enableOfflineQueue, autoResubscribe: _resubscribed, ...node } = o;
  const tls = url.startsWith('rediss:');
  return {
    enableReadyCheck,
    lazyConnect,
    ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
    // managed clusters (ElastiCache, Memorystore) announce IPs that TLS certificates do not name
    ...(tls ? { dnsLookup: (address: string, callback: (err: null, address: string) => void) => callback(null, address) } : {}),
    redisOptions: { ...nodeOptions(url), ...node },
  };
}

/**
 * SUBSCRIBE once the connection is ready. ioredis 5 writes a SUBSCRIBE issued between the TCP
 * connect and its INFO ready check straight away; the ready check then fails in subscriber mode,
 * the connection is rebuilt and the subscription is silently gone (redis/ioredis#2037). Once
 * subscribed on a ready connection, ioredis resubscribes by itself after any reconnect.
 */
export async function subscribe(conn: Redis, ...channels: string[]): Promise<void> {
  await whenReady(conn);
  await conn.subscribe(...channels);
}

/** Resolves once `conn` is ready (at once if it is); rejects if it is closed first. */
export async function whenReady(conn: RedisClient): Promise<void> {
  if (conn.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const onReady = () => {
      conn.off('end', onEnd);
      resolve();
    };
    const onEnd = () => {
      conn.off('ready', onReady);
      reject(new Error('Redis connection closed before it was ready'));
    };
    conn.once('ready', onReady);
    conn.once('end', onEnd);
  });
}

/**
 * Subscribes `conn` (created with `autoResubscribe: false`) to `channel` now and again after every
 * reconnect, calling `onSubscribed` each time the SUBSCRIBE is confirmed. ioredis's own
 * resubscribe is sent after it emits 'ready', so a caller that reloads state on 'ready' could miss
 * what is published in between; here state is (re)read only once messages are flowing again.
 * A failed resubscribe is reported to `onError` and retried on the next reconnect.
 */
export async function keepSubscribed(
  conn: Redis,
  channel: string,
  onSubscribed: () => void | Promise<void>,
  onError: (err: unknown) => void = () => undefined,
): Promise<void> {
  await subscribe(conn, channel);
  await onSubscribed();
  conn.on('ready', () => {
    void (async () => {
      await conn.subscribe(channel);
      await onSubscribed();
    })().catch(onError);
  });
}

/** Where every queue of one system lives: `<prefix>:bull`. BullMQ's `prefix` option is queuePrefix's. */
export const bullPrefix = (settings: RedisSettings) => `${settings.prefix}:bull`;

/**
 * BullMQ's `prefix` option for `queue`: the one place queue keys are named. On one Redis it is
 * `<prefix>:bull` (keys `cy:bull:media-trim:wait`). On a Redis Cluster the queue's name is added
 * as a hash tag (`cy:bull:{media-trim}` → `cy:bull:{media-trim}:media-trim:wait`): BullMQ's scripts
 * touch many keys of one queue at once, which a cluster allows only within one hash slot, and a
 * tag per queue, rather than one for the whole prefix, spreads the queues over the masters.
 * The queue keeps its plain name (Bull Board, job.queueName, metrics labels).
 */
export const queuePrefix = (settings: RedisSettings, queue: string): string =>
  settings.cluster ? `${bullPrefix(settings)}:{${queue}}` : bullPrefix(settings);

/**
 * Every key matching `pattern`, in batches: SCAN on one server, on each master of a cluster
 * (a SCAN sent to a Cluster reaches one node only).
 */
export async function* scanKeys(conn: RedisClient, pattern: string, count = 500): AsyncGenerator<string[]> {
  const nodes = conn instanceof Cluster ? conn.nodes('master') : [conn];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', count);
      cursor = next;
      if (keys.length) yield keys;
    } while (cursor !== '0');
  }
}
/** Prefix for our own (non-BullMQ) keys: caches, rate limits, counters. */
export const keyPrefix = (settings: RedisSettings) => `${settings.prefix}:`;
