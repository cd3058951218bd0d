import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { QUEUES } from '@clipyard/contracts';
import { BACKGROUND_WORK, Metrics, ROOT_LOGGER } from '@clipyard/observability';
import { bullPrefix, createRedis, QueueClient, RpcClient, type RedisSettings } from '@clipyard/queue';
import type { MediaConfig } from '@clipyard/media';
import { Storage } from '@clipyard/storage';
import { WORKER_CONFIG, type WorkerConfig } from '../config';
import { CancelListener } from './cancel.listener';
import { InputResolver } from './input.resolver';
import { JobEvents } from './job-events';
import { JobRunner } from './job.runner';
import { JOB_PROCESSORS, type JobProcessor, type MediaQueue } from './processor';
import { buildRegistry } from './registry';
import { TempDirs } from './temp-dirs';

/**
 * Runs one BullMQ Worker per consumed media queue, each with its own concurrency, dispatching
 * by job name to the registered processor. Shutdown lets in-flight jobs finish (Worker.close);
 * main.ts bounds that wait by SHUTDOWN_GRACE_S.
 */
@Injectable()
export class MediaWorkersHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly workers: Worker[] = [];
  private readonly conns: Redis[] = [];
  private readonly cancels: CancelListener;
  private readonly temps: TempDirs;
  private readonly runner: JobRunner;
  private readonly redis: RedisSettings;

  constructor(
    @Inject(BACKGROUND_WORK) private readonly background: boolean,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(JOB_PROCESSORS) private readonly processors: JobProcessor[],
    @Inject(Storage) storage: Storage,
    @Inject(QueueClient) queues: QueueClient,
    @Inject(RpcClient) rpc: RpcClient,
    @Inject(Metrics) metrics: Metrics,
  ) {
    this.redis = { url: config.REDIS_URL, prefix: config.REDIS_PREFIX };
    this.cancels = new CancelListener(this.redis, logger);
    this.temps = new TempDirs(config.WORKER_TMP_DIR, logger);
    this.runner = new JobRunner(
      storage,
      new JobEvents(queues),
      rpc,
      new InputResolver(storage, config as MediaConfig),
      this.cancels,
      this.temps,
      { timeoutMs: config.JOB_TIMEOUT_S * 1000, progressIntervalMs: config.WORKER_PROGRESS_INTERVAL_MS },
      logger,
      metrics,
    );
  }

  /** Concurrency per queue; a new queue's variable goes here. */
  private concurrency(queue: MediaQueue): number {
    const table: Partial<Record<MediaQueue, number>> = {
      [QUEUES.trim]: this.config.WORKER_TRIM_CONCURRENCY,
      [QUEUES.overlay]: this.config.WORKER_OVERLAY_CONCURRENCY,
      [QUEUES.transcribe]: this.config.WORKER_TRANSCRIBE_CONCURRENCY,
      [QUEUES.hooks]: this.config.WORKER_HOOKS_CONCURRENCY,
    };
    return table[queue] ?? 1;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.background) return; // admin REPL: no background work
    const registry = buildRegistry(this.processors, this.config.WORKER_QUEUES);
    await this.temps.sweep();
    await this.cancels.start();
    for (const [queue, handlers] of registry) {
      const conn = createRedis(this.redis);
      this.conns.push(conn);
      const worker = new Worker(
        queue,
        async (job: Job) => {
          const processor = handlers.get(job.name);
          if (!processor) throw new Error(`no processor for ${queue}/${job.name}`);
          return this.runner.run(queue, job, processor);
        },
        {
          connection: conn,
          prefix: bullPrefix(this.redis),
          concurrency: this.concurrency(queue),
          lockDuration: this.config.WORKER_LOCK_DURATION_MS,
          stalledInterval: this.config.WORKER_STALLED_INTERVAL_MS,
          maxStalledCount: this.config.WORKER_MAX_STALLED_COUNT,
        },
      );
      worker.on('error', (err) => this.logger.error({ err, queue }, 'media worker error'));
      worker.on('stalled', (jobId) => this.logger.warn({ queue, bullJobId: jobId }, 'stalled media job taken back'));
      // A job over the stall limit is failed by BullMQ when next fetched, without our processor.
      worker.on('failed', (job) => {
        if (job?.deferredFailure) {
          this.runner.failLost(queue, job).catch((err: unknown) => this.logger.error({ err, queue }, 'could not report a lost job'));
        }
      });
      this.workers.push(worker);
    }
    this.logger.info({ queues: [...registry.keys()] }, 'media workers running');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await this.cancels.close();
    await Promise.allSettled(this.conns.map((c) => c.quit()));
  }
}
