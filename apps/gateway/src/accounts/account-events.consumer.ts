import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { QUEUES } from '@clipyard/contracts';
import { ROOT_LOGGER } from '@clipyard/observability';
import { Consumer, Handle, type PayloadOf } from '@clipyard/queue';
import { Storage } from '@clipyard/storage';
import { JobCancelService } from '../jobs/job-cancel.service';
import { JobsRepository } from '../jobs/jobs.repository';
import { AccountDataRepository } from './account-data.repository';

/**
 * `account.deleted` from the auth app: cancels the user's open jobs (workers stop, reservations
 * are released), deletes their jobs, uploads, webhook endpoints and deliveries, idempotency keys,
 * and every stored object under `users/{userId}/`. Safe to run twice; a failure throws for a retry.
 */
@Injectable()
@Consumer(QUEUES.accountEventsGateway)
export class AccountEventsConsumer {
  constructor(
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly jobs: JobsRepository,
    private readonly cancels: JobCancelService,
    private readonly data: AccountDataRepository,
    private readonly storage: Storage,
  ) {}

  /** An upgrade changes nothing the gateway owns. */
  @Handle('account.upgraded')
  upgraded(): string {
    return 'ignored';
  }

  @Handle('account.deleted')
  async deleted(event: PayloadOf<typeof QUEUES.accountEventsGateway, 'account.deleted'>): Promise<string> {
    const { userId } = event;
    for (const id of await this.jobs.openIds(userId)) {
      await this.cancels.cancel(userId, id).catch((err) => this.logger.warn({ err, jobId: id }, 'could not cancel a job of a deleted account'));
    }
    const { ids } = await this.jobs.deleteAllOwned(userId);
    const { uploadKeys, webhookEndpoints } = await this.data.deleteForUser(userId);
    const objects = await this.storage.deletePrefix(`users/${userId}/`);
    this.logger.info({ userId, jobs: ids.length, uploads: uploadKeys.length, webhookEndpoints, objects }, 'deleted account data');
    return 'deleted';
  }
}
