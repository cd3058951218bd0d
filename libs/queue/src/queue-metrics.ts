import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Gauge } from 'prom-client';
import { QUEUES, RPC_SERVICES, rpcQueueName } from '@clipyard/contracts';
import { Metrics } from '@clipyard/observability';
import { bullPrefix, createRedis, type RedisSettings } from './connection';
import { REDIS_SETTINGS } from './queue.tokens';

/** Job states reported per queue (BullMQ's names; `wait` is what KEDA watches). */
export const QUEUE_STATES = ['wait', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'paused'] as const;

/** Every queue of the system: the plain queues and one request queue per RPC service. */
export const ALL_QUEUE_NAMES: string[] = [...Object.values(QUEUES), ...RPC_SERVICES.map(rpcQueueName)];

/**
 * `queue_jobs{queue,state}`: the depth of every BullMQ queue, read from Redis when Prometheus
 * scrapes (one pipeline of counts per queue, bounded by a timeout so a slow Redis cannot hang
 * /metrics). Registered by the gateway only, so a cluster reports each queue once per gateway pod
 * (aggregate with max()).
 */
@Injectable()
export class QueueDepthMetrics implements OnModuleInit, OnApplicationShutdown {
  private conn?: Redis;
  private readonly queues = new Map<string, Queue>();

  constructor(
    @Inject(REDIS_SETTINGS) private readonly settings: RedisSettings,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    if (this.metrics.registry.getSingleMetric('queue_jobs')) return;
    const self = this;
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in each BullMQ queue by state, read at scrape time',
      labelNames: ['queue', 'state'],
      registers: [this.metrics.registry],
      async collect() {
        const counts = await self.counts().catch(() => undefined);
        this.reset();
        if (!counts) return; // Redis unreachable: report nothing rather than stale numbers
        for (const [queue, byState] of Object.entries(counts))
          for (const [state, n] of Object.entries(byState)) this.set({ queue, state }, n);
      },
    });
  }

  /** Current counts of every queue, by state (also used by the admin REPL's queues.stats()). */
  async counts(timeoutMs = 2000): Promise<Record<string, Record<string, number>>> {
    const work = Promise.all(
      ALL_QUEUE_NAMES.map(async (name) => [name, await this.queue(name).getJobCounts(...QUEUE_STATES)] as const),
    );
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`queue counts timed out after ${timeoutMs} ms`)), timeoutMs).unref(),
    );
    return Object.fromEntries(await Promise.race([work, timeout]));
  }

  private queue(name: string): Queue {
    let q = this.queues.get(name);
    if (!q) {
      this.conn ??= createRedis(this.settings);
      q = new Queue(name, { connection: this.conn, prefix: bullPrefix(this.settings) });
      this.queues.set(name, q);
    }
    return q;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    await this.conn?.quit().catch(() => undefined);
  }
}
