import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { QUEUES, jobEventSchema, type JobEvent } from '@clipyard/contracts';
import { BACKGROUND_WORK, Metrics, ROOT_LOGGER } from '@clipyard/observability';
import { FACT_WORKER_OPTIONS, REDIS_SETTINGS, bullPrefix, createRedis, runFact, type RedisSettings } from '@clipyard/queue';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { JobsRepository } from './jobs.repository';
import { JobLifecycle } from './job-lifecycle';
import { JobFiles } from './job-files';

/** The `usage` summary shown on a completed job, from what the worker reported. */
export function usageSummary(ev: Extract<JobEvent, { name: 'job.completed' }>): Record<string, unknown> {
  const r = ev.result;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const reported = r.usage && typeof r.usage === 'object' && !Array.isArray(r.usage) ? (r.usage as Record<string, unknown>) : {};
  const summary: Record<string, unknown> = { output_bytes: ev.outputs.reduce((n, o) => n + o.size, 0) };
  if (num(r.duration_s) !== undefined) summary.media_seconds = num(r.duration_s);
  if (num(r.processing_ms) !== undefined) summary.processing_ms = num(r.processing_ms);
  if (num(r.minutes_billed) !== undefined) summary.minutes_billed = num(r.minutes_billed);
  return { ...summary, ...reported };
}

/**
 * Applies the media worker's job events (`job-events` queue) to the jobs table. Events are
 * validated at the boundary; every update is keyed by job id AND owner and only moves a job
 * forward, so duplicates, retries and late progress events are harmless.
 */
@Injectable()
export class JobEventsConsumer implements OnModuleInit, OnApplicationShutdown {
  private worker?: Worker;
  private conn?: Redis;
  private readonly applied;

  constructor(
    @Inject(BACKGROUND_WORK) private readonly background: boolean,
    private readonly jobs: JobsRepository,
    private readonly lifecycle: JobLifecycle,
    private readonly files: JobFiles,
    @Inject(REDIS_SETTINGS) private readonly redis: RedisSettings,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    metrics: Metrics,
  ) {
    this.applied = metrics.counter('job_events_total', 'Job events applied by the gateway', ['event', 'outcome']);
  }

  onModuleInit(): void {
    if (!this.background) return; // admin REPL: no background work
    this.conn = createRedis(this.redis);
    // a fact: waits out any outage (runFact), only a malformed event is dead-lettered
    this.worker = new Worker(QUEUES.jobEvents, (job, token) => runFact(job, token, () => this.handle(job), (err, delayMs) => this.deferred(job, err, delayMs)), {
      connection: this.conn,
      prefix: bullPrefix(this.redis),
      concurrency: this.config.JOB_EVENTS_CONCURRENCY,
      ...FACT_WORKER_OPTIONS,
    });
    this.worker.on('error', (err) => this.logger.error({ err }, 'job-events worker error'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.conn?.quit().catch(() => undefined);
  }

  private deferred(job: Job, err: unknown, delayMs: number): void {
    this.applied.inc({ event: String(job.name), outcome: 'deferred' });
    this.logger.warn({ bullJobId: job.id, delayMs, err: { message: (err as Error)?.message } }, 'job event deferred: a dependency is down');
  }

  async handle(job: Job): Promise<void> {
    const parsed = jobEventSchema.safeParse(job.data);
    if (!parsed.success) {
      this.logger.warn({ bullJobId: job.id, issues: parsed.error.issues }, 'dropping invalid job event');
      throw new UnrecoverableError('invalid job event');
    }
    const changed = await this.apply(parsed.data);
    this.applied.inc({ event: parsed.data.name, outcome: changed ? 'applied' : 'ignored' });
  }

  /** Returns whether the event changed the job. */
  async apply(ev: JobEvent): Promise<boolean> {
    const at = new Date(ev.at);
    switch (ev.name) {
      case 'job.started':
        return this.jobs.markStarted(ev.userId, ev.jobId, at, ev.attempt);
      case 'job.progress':
        return this.jobs.setProgress(ev.userId, ev.jobId, ev.progress);
      case 'job.completed': {
        const done = await this.jobs.markCompleted(ev.userId, ev.jobId, at, ev.outputs, ev.result, usageSummary(ev));
        if (done) {
          await this.lifecycle.finished(done);
          return true;
        }
        // Cancelled (or already finished) before the worker reported: its files must not linger.
        const current = await this.jobs.findOwned(ev.userId, ev.jobId, { fresh: true });
        if (current?.status === 'canceled') await this.files.deleteKeys(ev.outputs.map((o) => o.key));
        return false;
      }
      case 'job.failed': {
        const failed = await this.jobs.markFailed(ev.userId, ev.jobId, at, ev.error);
        if (failed) await this.lifecycle.finished(failed);
        return failed !== null;
      }
    }
  }
}
