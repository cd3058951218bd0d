import IORedis, { type Redis, type RedisOptions } from 'ioredis';

export interface RedisSettings {
  url: string;
  prefix: string;
}

/**
 * A Redis connection suitable for BullMQ workers (`maxRetriesPerRequest: null` so blocking
 * commands survive reconnects). Callers own the connection and must `quit()` it.
 *
 * `disableClientInfo`: ioredis 5.8.2+ awaits CLIENT SETINFO (and a disk read) before its ready
 * check, which widens the window in which a SUBSCRIBE breaks it; see `subscribe` below.
 */
export function createRedis(settings: RedisSettings, extra: RedisOptions = {}): Redis {
  const conn = new IORedis(settings.url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: false,
    disableClientInfo: true,
    ...extra,
  });
  // A connection error surfaces where it matters (the command that fails, readiness' own ping);
  // without a listener ioredis prints every reconnect attempt to stderr as "Unhandled error event".
  conn.on('error', () => undefined);
  return conn;
}

/**
 * SUBSCRIBE once the connection is ready. ioredis 5 writes a SUBSCRIBE issued between the TCP
 * connect and its INFO ready check straight away; the ready check then fails in subscriber mode,
 * the connection is rebuilt and the subscription is silently gone (redis/ioredis#2037). Once
 * subscribed on a ready connection, ioredis resubscribes by itself after any reconnect.
 */
export async function subscribe(conn: Redis, ...channels: string[]): Promise<void> {
  if (conn.status !== 'ready') {
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
  await conn.subscribe(...channels);
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

/** BullMQ's own prefix option: keeps every queue of one system under `<prefix>:bull`. */
export const bullPrefix = (settings: RedisSettings) => `${settings.prefix}:bull`;
/** Prefix for our own (non-BullMQ) keys: caches, rate limits, counters. */
export const keyPrefix = (settings: RedisSettings) => `${settings.prefix}:`;
