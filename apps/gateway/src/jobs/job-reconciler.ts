import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { QUEUES, mediaQueueOf } from '@clipyard/contracts';
import { BACKGROUND_WORK, Metrics, ROOT_LOGGER } from '@clipyard/observability';
import { QueueClient, REDIS_SETTINGS, createRedis, keyPrefix, type RedisClient, type RedisSettings } from '@clipyard/queue';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { BillingClient } from '../billing/billing.client';
import { JobLifecycle } from './job-lifecycle';
import { JobsRepository, type JobRecord } from './jobs.repository';

/** BullMQ states in which a media job will still run (or is running). */
const ALIVE = new Set(['active', 'waiting', 'wait', 'delayed', 'prioritized', 'waiting-children', 'paused']);
/** States of a job event that is still on its way (retrying through an outage, or queued). */
const PENDING = new Set(['active', 'waiting', 'wait', 'delayed', 'prioritized', 'paused']);
const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const BATCH = 200;

export type ReconcileOutcome = 'alive' | 'event_pending' | 'event_redriven' | 'lost';
export interface ReconcileReport {
  checked: number;
  settled: Record<Exclude<ReconcileOutcome, 'alive' | 'event_pending'>, number>;
}

/**
 * Settles jobs that would otherwise stay `queued`/`active` for ever: an open jobs row nothing has
 * touched for JOB_RECONCILE_AFTER_S is checked against BullMQ. A media job that is still waiting
 * or running, or a job event for it still on its way, is left alone. A job event that ended in the
 * dead letters (or was lost between "applied" and the row) is re-driven. Anything else (the media
 * job vanished or failed without telling anyone) is failed with JOB_LOST and its quota reservation
 * released, so the user's running-job slot is freed and nothing is charged. Runs in every gateway
 * replica on a timer, one at a time (Redis lock); idempotent.
 */
@Injectable()
export class JobReconciler implements OnModuleInit, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private redis?: RedisClient;
  private running?: Promise<unknown>;
  private readonly outcomes;

  constructor(
    @Inject(BACKGROUND_WORK) private readonly background: boolean,
    private readonly jobs: JobsRepository,
    private readonly queues: QueueClient,
    private readonly billing: BillingClient,
    private readonly lifecycle: JobLifecycle,
    @Inject(REDIS_SETTINGS) private readonly settings: RedisSettings,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    metrics: Metrics,
  ) {
    this.outcomes = metrics.counter('jobs_reconciled_total', 'Open jobs the reconciler settled, by outcome', ['outcome']);
  }

  onModuleInit(): void {
    this.redis = createRedis(this.settings, { maxRetriesPerRequest: 3 });
    this.redis.on('error', () => undefined);
    if (!this.background) return; // admin REPL: only when asked
    this.timer = setInterval(() => void this.runLocked(), this.config.JOB_RECONCILE_INTERVAL_S * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    await this.redis?.quit().catch(() => undefined);
  }

  /** One pass if no other replica is running one; null when the lock was taken or the pass failed (logged). */
  async runLocked(now = new Date()): Promise<ReconcileReport | null> {
    if (!this.redis) return null;
    const lockKey = `${keyPrefix(this.settings)}lock:job-reconcile`;
    const token = randomUUID();
    const ok = await this.redis.set(lockKey, token, 'PX', 5 * 60_000, 'NX').catch(() => null);
    if (!ok) return null;
    const run = this.reconcile(now);
    this.running = run;
    try {
      const report = await run;
      if (report.settled.lost || report.settled.event_redriven) this.logger.warn({ ...report }, 'reconciler settled stuck jobs');
      return report;
    } catch (err) {
      // PostgreSQL or Redis down: the next pass tries again
      this.logger.warn({ err: { message: (err as Error).message } }, 'job reconcile pass failed');
      return null;
    } finally {
      await this.redis.eval(RELEASE_LOCK, 1, lockKey, token).catch(() => undefined);
    }
  }

  async reconcile(now = new Date()): Promise<ReconcileReport> {
    const report: ReconcileReport = { checked: 0, settled: { event_redriven: 0, lost: 0 } };
    const cutoff = new Date(now.getTime() - this.config.JOB_RECONCILE_AFTER_S * 1000);
    const stale = await this.jobs.openUntouchedSince(cutoff, BATCH);
    for (const job of stale) {
      report.checked++;
      const outcome = await this.settle(job, now);
      if (outcome === 'event_redriven' || outcome === 'lost') {
        report.settled[outcome]++;
        this.outcomes.inc({ outcome });
      }
    }
    return report;
  }

  /** What one stale job needs; acts on it. */
  async settle(job: JobRecord, now = new Date()): Promise<ReconcileOutcome> {
    const media = await this.queues.queue(mediaQueueOf(job.type)).getJob(job.id);
    const state = media ? await media.getState() : 'missing';
    if (ALIVE.has(state)) return 'alive';
    // The worker's final word (completed / failed) is a job event with a deterministic id.
    const events = this.queues.queue(QUEUES.jobEvents);
    for (const name of ['completed', 'failed'] as const) {
      const ev = await events.getJob(`job_${job.id}_${name}`);
      if (!ev) continue;
      const evState = await ev.getState();
      if (PENDING.has(evState)) return 'event_pending';
      if (evState === 'failed' || evState === 'completed') {
        // dead-lettered, or applied without moving the row (it raced something): apply it again;
        // applying is idempotent and only ever moves a job forward
        await ev.retry(evState);
        this.logger.warn({ jobId: job.id, event: name, was: evState }, 'reconciler re-drove a job event');
        return 'event_redriven';
      }
    }
    const failed = await this.jobs.markFailed(job.userId, job.id, now, {
      code: 'JOB_LOST',
      message: 'The job was lost before it finished (its queue entry disappeared); nothing was charged, please submit it again',
    });
    if (failed) {
      await this.billing
        .release(job.userId, job.id, 'failed:JOB_LOST')
        .catch((err: unknown) => this.logger.warn({ err, jobId: job.id }, 'reconciler could not release a lost job; billing reaps it later'));
      await this.lifecycle.finished(failed);
      this.logger.warn({ jobId: job.id, userId: job.userId, mediaState: state }, 'reconciler failed a lost job');
    }
    return 'lost';
  }
}
