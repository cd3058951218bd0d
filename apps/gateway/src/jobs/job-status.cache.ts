import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '@clipyard/observability';
import { BroadcastCache, createRedis, keyPrefix, REDIS_SETTINGS, type RedisClient, type RedisSettings } from '@clipyard/queue';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import type { JobRecord } from './job.record';

/**
 * Job rows as the status-polling path reads them, kept in each gateway's memory for
 * JOB_STATUS_CACHE_S. Every write to a job (JobsRepository) announces it after it commits, and
 * every gateway drops its copy at once, so a poll never sees an older state than the database
 * had when the poll arrived (see BroadcastCache for the lost-connection and race rules).
 */
@Injectable()
export class JobStatusCache implements OnModuleInit, OnApplicationShutdown {
  private readonly cache: BroadcastCache<JobRecord | null>;
  private readonly pub: RedisClient;

  constructor(
    @Inject(REDIS_SETTINGS) redis: RedisSettings,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.cache = new BroadcastCache(redis, { channel: `${keyPrefix(redis)}gateway:job-changed`, ttlMs: config.JOB_STATUS_CACHE_S * 1000 });
    this.pub = createRedis(redis, { maxRetriesPerRequest: 2 });
  }

  async onModuleInit(): Promise<void> {
    await this.cache.start().catch((err: unknown) => this.logger.warn({ err }, 'job announcements unavailable; not keeping jobs in memory'));
  }

  read(userId: string, id: string, load: () => Promise<JobRecord | null>): Promise<JobRecord | null> {
    return this.cache.through(`${userId}/${id}`, load);
  }

  /** The job as {@link read} would answer it from memory (null: known not to be the user's), or undefined when not in memory. */
  peek(userId: string, id: string): JobRecord | null | undefined {
    return this.cache.get(`${userId}/${id}`);
  }

  /** After a committed write: drops the job here and on every other gateway. */
  async changed(userId: string, ids: string | string[]): Promise<void> {
    for (const id of Array.isArray(ids) ? ids : [ids]) {
      await this.cache
        .announce(`${userId}/${id}`, this.pub)
        .catch((err: unknown) => this.logger.warn({ err, jobId: id }, 'could not announce a job change; other gateways may serve it stale until JOB_STATUS_CACHE_S'));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.cache.close(), this.pub.quit()]);
  }
}
