import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { QUEUES, accountEventSchema } from '@clipyard/contracts';
import { BACKGROUND_WORK, ROOT_LOGGER } from '@clipyard/observability';
import { createRedis, queuePrefix, redisSettings, type RedisClient } from '@clipyard/queue';
import { BILLING_CONFIG, type BillingConfig } from '../config';
import { QuotaService } from '../quota/quota.service';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';

/**
 * `account.upgraded` from the auth app: the anonymous user's trial plan becomes the default plan.
 * `account.deleted` from the auth app: releases the user's pending reservations and deletes the
 * subscription. The usage ledger (usage_events, usage_monthly) stays, under the bare user id,
 * which no longer leads to an email or a name.
 */
@Injectable()
export class AccountEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: Worker;
  private conn?: RedisClient;

  constructor(
    @Inject(BACKGROUND_WORK) private readonly background: boolean,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly quota: QuotaService,
    private readonly subscriptions: SubscriptionsService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.background) return;
    const settings = redisSettings(this.config);
    this.conn = createRedis(settings);
    this.worker = new Worker(QUEUES.accountEventsBilling, (job) => this.handle(job), { connection: this.conn, prefix: queuePrefix(settings, QUEUES.accountEventsBilling) });
    this.worker.on('error', (err) => this.logger.error({ err }, 'account events worker error'));
    this.worker.on('failed', (job, err) => this.logger.warn({ err, attempts: job?.attemptsMade }, 'account event failed'));
  }

  async handle(job: Pick<Job, 'data'>): Promise<string> {
    const parsed = accountEventSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('INVALID_ACCOUNT_EVENT');
    const { userId } = parsed.data;
    if (parsed.data.name === 'account.upgraded') {
      const moved = await this.subscriptions.endTrial(userId);
      this.logger.info({ userId, moved }, 'anonymous account upgraded: trial ended');
      return moved ? 'trial_ended' : 'unchanged';
    }
    const pending: { job_id: string }[] = await this.ds.query(`SELECT job_id FROM quota_reservations WHERE user_id = $1 AND status = 'pending'`, [userId]);
    for (const r of pending) await this.quota.release(userId, r.job_id, 'account_deleted');
    const removed: unknown[] = await this.ds.query('DELETE FROM subscriptions WHERE user_id = $1 RETURNING id', [userId]);
    this.logger.info({ userId, released: pending.length, subscriptions: removed.length }, 'deleted account data (usage ledger kept)');
    return 'deleted';
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.conn?.quit().catch(() => undefined);
  }
}
