import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { QUEUES } from '@clipyard/contracts';
import { ROOT_LOGGER } from '@clipyard/observability';
import { Consumer, Handle, type PayloadOf } from '@clipyard/queue';
import { QuotaService } from '../quota/quota.service';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';

/**
 * `account.upgraded` from the auth app: the anonymous user's trial plan becomes the default plan.
 * `account.deleted` from the auth app: releases the user's pending reservations and deletes the
 * subscription. The usage ledger (usage_events, usage_monthly) stays, under the bare user id,
 * which no longer leads to an email or a name.
 */
@Injectable()
@Consumer(QUEUES.accountEventsBilling)
export class AccountEventsConsumer {
  constructor(
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly quota: QuotaService,
    private readonly subscriptions: SubscriptionsService,
  ) {}

  @Handle('account.upgraded')
  async upgraded({ userId }: PayloadOf<typeof QUEUES.accountEventsBilling, 'account.upgraded'>): Promise<string> {
    const moved = await this.subscriptions.endTrial(userId);
    this.logger.info({ userId, moved }, 'anonymous account upgraded: trial ended');
    return moved ? 'trial_ended' : 'unchanged';
  }

  @Handle('account.deleted')
  async deleted({ userId }: PayloadOf<typeof QUEUES.accountEventsBilling, 'account.deleted'>): Promise<string> {
    const pending: { job_id: string }[] = await this.ds.query(`SELECT job_id FROM quota_reservations WHERE user_id = $1 AND status = 'pending'`, [userId]);
    for (const r of pending) await this.quota.release(userId, r.job_id, 'account_deleted');
    const removed: unknown[] = await this.ds.query('DELETE FROM subscriptions WHERE user_id = $1 RETURNING id', [userId]);
    this.logger.info({ userId, released: pending.length, subscriptions: removed.length }, 'deleted account data (usage ledger kept)');
    return 'deleted';
  }

}
