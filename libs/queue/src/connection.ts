import IORedis, { type Redis, type RedisOptions } from 'ioredis';

export interface RedisSettings {
  url: string;
  prefix: string;
}

/**
 * A Redis connection suitable for BullMQ workers (`maxRetriesPerRequest: null` so blocking
 * commands survive reconnects). Callers own the connection and must `quit()` it.
 */
export function createRedis(settings: RedisSettings, extra: RedisOptions = {}): Redis {
  return new IORedis(settings.url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: false,
    ...extra,
  });
}

/** BullMQ's own prefix option: keeps every queue of one system under `<prefix>:bull`. */
export const bullPrefix = (settings: RedisSettings) => `${settings.prefix}:bull`;
/** Prefix for our own (non-BullMQ) keys: caches, rate limits, counters. */
export const keyPrefix = (settings: RedisSettings) => `${settings.prefix}:`;
