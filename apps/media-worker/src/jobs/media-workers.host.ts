import { Inject, Injectable, Optional, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { QUEUES, type PayloadQueue } from '@clipyard/contracts';
import { BACKGROUND_WORK, Metrics, ROOT_LOGGER } from '@clipyard/observability';
import { Consumer, QueueClient, RpcClient, redisSettings, type HandlerCall, type HandlerRunner } from '@clipyard/queue';
import type { MediaConfig } from '@clipyard/media';
import { Storage } from '@clipyard/storage';
import { WORKER_CONFIG, type WorkerConfig } from '../config';
import { CancelListener } from './cancel.listener';
import { InputResolver } from './input.resolver';
import { JobEvents } from './job-events';
import { JobRunner } from './job.runner';
import type { JobProcessor, MediaQueue } from './processor';
import { TempDirs } from './temp-dirs';

/**
 * The runner of every media processor's `@Handle` method: wraps it in the job's life (events,
 * temp folder, outputs, usage, cancellation; see JobRunner). Sweeps temp folders left by a dead
 * process and listens for cancellations before the queues start; the consumers' workers are
 * closed (in-flight jobs finish) before the cancel listener goes.
 */
@Injectable()
export class MediaWorkersHost implements HandlerRunner<MediaQueue>, OnModuleInit, OnApplicationShutdown {
  private readonly cancels: CancelListener;
  private readonly temps: TempDirs;
  private readonly runner: JobRunner;

  constructor(
    @Inject(WORKER_CONFIG) config: WorkerConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(Storage) storage: Storage,
    @Inject(QueueClient) queues: QueueClient,
    @Inject(RpcClient) rpc: RpcClient,
    @Inject(Metrics) metrics: Metrics,
    @Optional() @Inject(BACKGROUND_WORK) private readonly background: boolean = true,
  ) {
    const redis = redisSettings(config);
    this.cancels = new CancelListener(redis, logger);
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

  async onModuleInit(): Promise<void> {
    if (!this.background) return; // admin REPL: no background work
    await this.temps.sweep();
    await this.cancels.start();
  }

  run(call: HandlerCall<MediaQueue>): Promise<unknown> {
    return this.runner.run(call.queue, call.job, call.payload, call.handler as JobProcessor['process']);
  }

  /** A job over the stall limit is failed by BullMQ when next fetched, without our processor. */
  failed(queue: MediaQueue, job: Job | undefined): void {
    if (!job?.deferredFailure) return;
    this.runner.failLost(queue, job).catch((err: unknown) => this.logger.error({ err, queue }, 'could not report a lost job'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.cancels.close();
  }
}

/** Concurrency per media queue; a new queue's variable goes here. */
function concurrency(config: WorkerConfig, queue: PayloadQueue): number {
  const table: Partial<Record<PayloadQueue, number>> = {
    [QUEUES.trim]: config.WORKER_TRIM_CONCURRENCY,
    [QUEUES.overlay]: config.WORKER_OVERLAY_CONCURRENCY,
    [QUEUES.transcribe]: config.WORKER_TRANSCRIBE_CONCURRENCY,
    [QUEUES.hooks]: config.WORKER_HOOKS_CONCURRENCY,
  };
  return table[queue] ?? 1;
}

/**
 * Declares a media processor: the consumer of its queue (WORKER_QUEUES may leave it out), with the
 * queue's concurrency and lock settings, its `@Handle` method run through MediaWorkersHost.
 */
export const MediaConsumer = (queue: MediaQueue): ClassDecorator =>
  Consumer<WorkerConfig>(queue, {
    concurrency,
    enabled: (c, q) => c.WORKER_QUEUES.length === 0 || c.WORKER_QUEUES.some((w) => w === q),
    worker: (c) => ({
      lockDuration: c.WORKER_LOCK_DURATION_MS,
      stalledInterval: c.WORKER_STALLED_INTERVAL_MS,
      maxStalledCount: c.WORKER_MAX_STALLED_COUNT,
    }),
    runner: MediaWorkersHost,
  });
