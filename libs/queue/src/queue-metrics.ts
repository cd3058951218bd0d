import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { QUEUES, RPC_SERVICES, rpcQueueName } from '@clipyard/contracts';
import { Metrics } from '@clipyard/observability';
import { createRedis, queuePrefix, type RedisClient, type RedisSettings } from './connection';
import { REDIS_SETTINGS } from './queue.tokens';
import { FACT_QUEUES } from './policy';

/** Job states reported per queue (BullMQ's names). */
export const QUEUE_STATES = ['wait', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'paused'] as const;

/** Every queue of the system: the plain queues and one request queue per RPC service. */
export const ALL_QUEUE_NAMES: string[] = [...Object.values(QUEUES), ...RPC_SERVICES.map(rpcQueueName)];

/** The queues the media worker consumes: what its autoscaler watches. */
export const MEDIA_QUEUE_NAMES: string[] = Object.values(QUEUES).filter((q) => q.startsWith('media-'));

/**
 * What is waiting in one media queue. `backlog` is what BullMQ would hand to a worker next:
 * `wait` (jobs without a priority) plus `prioritized` (every job submitted with a plan's priority
 * lives there, not in `wait`). Delayed jobs are not yet runnable, so they don't count until they
 * are due (the scaler polls every few seconds and sees them then); a paused queue runs nothing,
 * so its backlog is 0 however many jobs it holds. `active` is reported beside it, not in it.
 */
export interface QueueBacklog {
  backlog: number;
  wait: number;
  prioritized: number;
  delayed: number;
  active: number;
  paused: boolean;
}

/**
 * `queue_jobs{queue,state}`: the depth of every BullMQ queue, read from Redis when Prometheus
 * scrapes (one pipeline of counts per queue, bounded by a timeout so a slow Redis cannot hang
 * /metrics). Registered by the gateway only, so a cluster reports each queue once per gateway pod
 * (aggregate with max()).
 */
@Injectable()
export class QueueDepthMetrics implements OnModuleInit, OnApplicationShutdown {
  private conn?: RedisClient;
  private readonly queues = new Map<string, Queue>();

  constructor(
    @Inject(REDIS_SETTINGS) private readonly settings: RedisSettings,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    if (this.metrics.registry.getSingleMetric('queue_jobs')) return;
    const self = this;
    new Gauge({
      name: 'clipyard_queue_backlog',
      help: 'Jobs BullMQ would run next in each media queue (wait + prioritized; 0 while paused), read at scrape time',
      labelNames: ['queue'],
      registers: [this.metrics.registry],
      async collect() {
        const backlog = await self.backlog().catch(() => undefined);
        this.reset();
        if (!backlog) return;
        for (const [queue, b] of Object.entries(backlog)) this.set({ queue }, b.backlog);
      },
    });
    new Gauge({
      name: 'fact_events_oldest_age_seconds',
      help: 'Age of the oldest fact event (job, usage, webhook events) not yet applied, per queue; grows while a dependency is down',
      labelNames: ['queue'],
      registers: [this.metrics.registry],
      async collect() {
        const ages = await self.oldestFactAges().catch(() => undefined);
        this.reset();
        if (!ages) return;
        for (const [queue, age] of Object.entries(ages)) this.set({ queue }, age);
      },
    });
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

  /**
   * Age in seconds of the oldest fact event still to be applied (waiting, delayed — retrying through
   * an outage — or running), per fact queue; 0 when none. Read from the oldest few of each state.
   */
  async oldestFactAges(timeoutMs = 2000): Promise<Record<string, number>> {
    const now = Date.now();
    const work = Promise.all(
      FACT_QUEUES.map(async (name) => {
        const q = this.queue(name);
        const jobs = (await Promise.all([q.getJobs(['wait', 'prioritized', 'active'], 0, 9, true), q.getJobs(['delayed'], 0, 49, true)])).flat();
        const oldest = Math.min(...jobs.filter(Boolean).map((j) => j.timestamp));
        return [name, Number.isFinite(oldest) ? Math.max(0, (now - oldest) / 1000) : 0] as const;
      }),
    );
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`fact event ages timed out after ${timeoutMs} ms`)), timeoutMs).unref(),
    );
    return Object.fromEntries(await Promise.race([work, timeout]));
  }

  /** Current counts of every queue, by state (also used by the admin REPL's queues.stats()). */
  async counts(timeoutMs = 2000): Promise<Record<string, Record<string, number>>> {
    const work = Promise.all(
      ALL_QUEUE_NAMES.map(async (name) => [name, await this.queue(name).getJobCounts(...QUEUE_STATES)] as const),
    );
    return Object.fromEntries(await withTimeout(work, timeoutMs, 'queue counts'));
  }

  /** The backlog of every media queue (the figure `/metrics/queue-backlog` and the gauge report). */
  async backlog(timeoutMs = 2000): Promise<Record<string, QueueBacklog>> {
    const work = Promise.all(
      MEDIA_QUEUE_NAMES.map(async (name) => {
        const q = this.queue(name);
        const [c, paused] = await Promise.all([q.getJobCounts('wait', 'prioritized', 'delayed', 'active'), q.isPaused()]);
        const backlog = paused ? 0 : c.wait + c.prioritized;
        return [name, { backlog, wait: c.wait, prioritized: c.prioritized, delayed: c.delayed, active: c.active, paused }] as const;
      }),
    );
    return Object.fromEntries(await withTimeout(work, timeoutMs, 'queue backlog'));
  }

  private queue(name: string): Queue {
    let q = this.queues.get(name);
    if (!q) {
      this.conn ??= createRedis(this.settings);
      q = new Queue(name, { connection: this.conn, prefix: queuePrefix(this.settings, name) });
      this.queues.set(name, q);
    }
    return q;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    await this.conn?.quit().catch(() => undefined);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  work.catch(() => undefined); // a late failure after the timeout must not go unhandled
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
