import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { Metrics, ROOT_LOGGER, BACKGROUND_WORK } from '@clipyard/observability';
import { REDIS_SETTINGS, createRedis, keyPrefix, type RedisClient, type RedisSettings } from '@clipyard/queue';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { BillingClient } from '../billing/billing.client';
import { JobFiles } from '../jobs/job-files';
import { JobsRepository } from '../jobs/jobs.repository';
import { UploadsRepository } from '../uploads/uploads.repository';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';

const DAY_MS = 86_400_000;
/** No plan keeps files for less than a day, so younger files are never candidates. */
const MIN_AGE_MS = DAY_MS;
const BATCH = 200;
const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface SweepReport {
  users: number;
  jobs: number;
  uploads: number;
  idempotencyKeys: number;
}

/**
 * Deletes job outputs and uploads older than their owner's plan retention (asked of billing once
 * per user per sweep) and marks them expired; also purges expired idempotency keys. Runs on a
 * timer in every gateway replica, but a Redis lock lets only one sweep at a time. Idempotent:
 * deleting a missing object is fine and only rows still unexpired are marked.
 */
@Injectable()
export class RetentionSweeper implements OnModuleInit, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private redis?: RedisClient;
  private running?: Promise<unknown>;
  private readonly expired;

  constructor(
    @Inject(BACKGROUND_WORK) private readonly background: boolean,
    private readonly jobs: JobsRepository,
    private readonly uploads: UploadsRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly billing: BillingClient,
    private readonly files: JobFiles,
    @Inject(REDIS_SETTINGS) private readonly settings: RedisSettings,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    metrics: Metrics,
  ) {
    this.expired = metrics.counter('retention_expired_total', 'Objects removed by the retention sweep', ['kind']);
  }

  onModuleInit(): void {
    this.redis = createRedis(this.settings, { maxRetriesPerRequest: 3 });
    if (!this.background) return; // admin REPL: sweeps only when asked
    this.timer = setInterval(() => void this.runLocked(), this.config.RETENTION_SWEEP_INTERVAL_S * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    await this.redis?.quit().catch(() => undefined);
  }

  /** One sweep if no other replica is sweeping; returns null when the lock was taken. */
  async runLocked(now = new Date()): Promise<SweepReport | null> {
    if (!this.redis) return null;
    const lockKey = `${keyPrefix(this.settings)}lock:retention-sweep`;
    const token = randomUUID();
    const ok = await this.redis.set(lockKey, token, 'PX', 10 * 60_000, 'NX').catch(() => null);
    if (!ok) return null;
    const run = this.sweep(now);
    this.running = run;
    try {
      const report = await run;
      if (report.jobs || report.uploads) this.logger.info({ ...report }, 'retention sweep');
      return report;
    } catch (err) {
      this.logger.error({ err }, 'retention sweep failed');
      return null;
    } finally {
      await this.redis.eval(RELEASE_LOCK, 1, lockKey, token).catch(() => undefined);
    }
  }

  async sweep(now = new Date()): Promise<SweepReport> {
    const report: SweepReport = { users: 0, jobs: 0, uploads: 0, idempotencyKeys: 0 };
    const candidatesBefore = new Date(now.getTime() - MIN_AGE_MS);
    const users = new Set<string>();
    for (const list of [
      (after?: string) => this.jobs.usersWithOutputsBefore(candidatesBefore, BATCH, after),
      (after?: string) => this.uploads.usersWithUploadsBefore(candidatesBefore, BATCH, after),
    ]) {
      let after: string | undefined;
      for (;;) {
        const batch = await list(after);
        batch.forEach((u) => users.add(u));
        if (batch.length < BATCH) break;
        after = batch[batch.length - 1];
      }
    }
    for (const userId of users) {
      const { retentionDays } = await this.billing.limits(userId);
      if (retentionDays < 0) continue; // unlimited
      report.users++;
      const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
      report.jobs += await this.expireOutputs(userId, cutoff);
      report.uploads += await this.expireUploads(userId, cutoff);
    }
    report.idempotencyKeys = await this.idempotency.deleteExpired();
    return report;
  }

  private async expireOutputs(userId: string, cutoff: Date): Promise<number> {
    let n = 0;
    for (;;) {
      const due = await this.jobs.outputsDue(userId, cutoff, BATCH);
      const done: string[] = [];
      for (const job of due) if (await this.files.deleteKeys(job.outputs.map((o) => o.key))) done.push(job.id);
      n += await this.jobs.markOutputsExpired(userId, done);
      this.expired.inc({ kind: 'job_outputs' }, done.length);
      if (due.length < BATCH || done.length === 0) return n;
    }
  }

  private async expireUploads(userId: string, cutoff: Date): Promise<number> {
    let n = 0;
    for (;;) {
      const due = await this.uploads.dueForUser(userId, cutoff, BATCH);
      const done: string[] = [];
      for (const u of due) if (await this.files.deleteKeys([u.storageKey])) done.push(u.id);
      n += await this.uploads.markExpired(userId, done);
      this.expired.inc({ kind: 'uploads' }, done.length);
      if (due.length < BATCH || done.length === 0) return n;
    }
  }
}
