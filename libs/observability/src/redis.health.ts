import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Cluster, Redis, RedisOptions } from 'ioredis';
import type { HealthCheck } from './health';

/** Makes the readiness check's Redis connection with these options (libs/queue's createRedis: one server or a cluster). */
export type RedisConnect = (options: RedisOptions) => Redis | Cluster;
export const REDIS_CONNECT = Symbol('REDIS_CONNECT');

/**
 * Pings Redis on a dedicated, non-retrying connection so a dead Redis reports at once. On a
 * Redis Cluster it also asks for the cluster's state: a cluster with a master down and no replica
 * to promote answers a PING but refuses every command on that master's slots.
 */
@Injectable()
export class RedisHealth implements HealthCheck, OnModuleDestroy {
  readonly name = 'redis';
  private readonly redis: Redis | Cluster;
  constructor(@Inject(REDIS_CONNECT) connect: RedisConnect) {
    this.redis = connect({ lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.redis.on('error', () => undefined);
  }
  async check(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
    await this.redis.ping();
    if (this.redis.isCluster) {
      const info = String(await this.redis.cluster('INFO'));
      const state = /cluster_state:(\w+)/.exec(info)?.[1];
      if (state !== 'ok') throw new Error(`Redis Cluster state is ${state ?? 'unknown'}`);
    }
  }
  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}
