import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { QUEUES } from '@clipyard/contracts';
import { ROOT_LOGGER } from '@clipyard/observability';
import { Consumer, Handle, type PayloadOf } from '@clipyard/queue';
import { QuotaRepository } from '../quota/quota.repository';
import { QuotaService } from '../quota/quota.service';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
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
    private readonly reservations: QuotaRepository,
    private readonly subs: SubscriptionsRepository,
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
    const pending = await this.reservations.pendingJobIds(userId);
    for (const jobId of pending) await this.quota.release(userId, jobId, 'account_deleted');
    const removed = await this.subs.deleteForUser(userId);
    this.logger.info({ userId, released: pending.length, subscriptions: removed }, 'deleted account data (usage ledger kept)');
    return 'deleted';
  }

}
