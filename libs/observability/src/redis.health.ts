import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import IORedis from 'ioredis';
import type { HealthCheck } from './health';

export const REDIS_URL = Symbol('REDIS_URL');

/** Pings Redis on a dedicated, non-retrying connection so a dead Redis reports at once. */
@Injectable()
export class RedisHealth implements HealthCheck, OnModuleDestroy {
  readonly name = 'redis';
  private readonly redis: IORedis;
  constructor(@Inject(REDIS_URL) url: string) {
    this.redis = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.redis.on('error', () => undefined);
  }
  async check(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
    await this.redis.ping();
  }
  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}
