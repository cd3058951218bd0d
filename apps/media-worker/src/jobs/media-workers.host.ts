import { Inject, Injectable, Optional, type OnApplicationShutdown, type OnModuleInit, type Type } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { concurrencyVar, isMediaJobName, MEDIA_JOBS, mediaQueueOf, type MediaJobName, type MediaQueue } from '@clipyard/contracts';
import { BACKGROUND_WORK, Metrics, ROOT_LOGGER } from '@clipyard/observability';
import { Consumer, Handle, INVALID_PAYLOAD, QueueClient, RpcClient, redisSettings, UsageSender, type HandlerCall, type HandlerRunner } from '@clipyard/queue';
import type { MediaConfig } from '@clipyard/media';
import { Storage } from '@clipyard/storage';
import { WORKER_CONFIG, type WorkerConfig } from '../config';
import { CancelListener } from './cancel.listener';
import { InputResolver } from './input.resolver';
import { JobEvents } from './job-events';
import { JobRunner } from './job.runner';
import type { JobProcessor } from './processor';
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
    @Inject(UsageSender) usage: UsageSender,
    @Inject(Metrics) metrics: Metrics,
    @Optional() @Inject(BACKGROUND_WORK) private readonly background: boolean = true,
  ) {
    const redis = redisSettings(config);
    this.cancels = new CancelListener(redis, logger);
    this.temps = new TempDirs(config.WORKER_TMP_DIR, logger);
    this.runner = new JobRunner(
      storage,
      new JobEvents(queues, usage),
      rpc,
      new InputResolver(storage, config as MediaConfig),
      this.cancels,
      this.temps,
      { timeoutMs: config.JOB_TIMEOUT_S * 1000, progressIntervalMs: config.WORKER_PROGRESS_INTERVAL_MS, stageLog: config.JOB_STAGE_LOG },
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
    return this.runner.run(call.queue, call.job, call.payload, call.handler as JobProcessor['process'], call.receivedAt);
  }

  /**
   * Failures without a processor run: a job over the stall limit (failed by BullMQ when next
   * fetched), or a payload that did not match its kind's schema (refused by the consumer host).
   */
  failed(queue: MediaQueue, job: Job | undefined, err?: Error): void {
    if (!job || !isMediaJobName(job.name)) return;
    const invalid = err?.message?.startsWith(INVALID_PAYLOAD) === true; // BullMQ passes no error for a deferred failure
    if (!job.deferredFailure && !invalid) return;
    const why = invalid ? this.runner.failInvalid(job.name, job) : this.runner.failLost(job.name, job);
    why.catch((e: unknown) => this.logger.error({ err: e, queue }, 'could not report a job that failed without running'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.cancels.close();
  }
}

/**
 * Declares the processor of one MEDIA_JOBS kind: the consumer of the kind's queue (WORKER_QUEUES
 * may leave it out) with that queue's concurrency (WORKER_<QUEUE>_CONCURRENCY) and lock settings,
 * its `process` method the handler of the kind's job name, run through MediaWorkersHost.
 */
export const MediaProcessor =
  <N extends MediaJobName>(name: N) =>
  (target: Type<JobProcessor<N>>): void => {
    Consumer<WorkerConfig>(mediaQueueOf(name), {
      concurrency: (c) => c[concurrencyVar(MEDIA_JOBS[name].queue)],
      enabled: (c, q) => c.WORKER_QUEUES.length === 0 || c.WORKER_QUEUES.some((w) => w === q),
      worker: (c) => ({
        lockDuration: c.WORKER_LOCK_DURATION_MS,
        stalledInterval: c.WORKER_STALLED_INTERVAL_MS,
        maxStalledCount: c.WORKER_MAX_STALLED_COUNT,
      }),
      runner: MediaWorkersHost,
    })(target);
    Handle(name)(target.prototype, 'process', Object.getOwnPropertyDescriptor(target.prototype, 'process')!);
  };
