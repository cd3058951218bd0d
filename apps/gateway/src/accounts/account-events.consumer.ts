import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { QUEUES, accountEventSchema } from '@clipyard/contracts';
import { BACKGROUND_WORK, ROOT_LOGGER } from '@clipyard/observability';
import { createRedis, queuePrefix, redisSettings, type RedisClient } from '@clipyard/queue';
import { Storage } from '@clipyard/storage';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { JobCancelService } from '../jobs/job-cancel.service';
import { JobsRepository } from '../jobs/jobs.repository';
import { AccountDataRepository } from './account-data.repository';

/**
 * `account.deleted` from the auth app: cancels the user's open jobs (workers stop, reservations
 * are released), deletes their jobs, uploads, webhook endpoints and deliveries, idempotency keys,
 * and every stored object under `users/{userId}/`. Safe to run twice; a failure throws for a retry.
 */
@Injectable()
export class AccountEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: Worker;
  private conn?: RedisClient;

  constructor(
    @Inject(BACKGROUND_WORK) private readonly background: boolean,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly jobs: JobsRepository,
    private readonly cancels: JobCancelService,
    private readonly data: AccountDataRepository,
    private readonly storage: Storage,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.background) return;
    const settings = redisSettings(this.config);
    this.conn = createRedis(settings);
    this.worker = new Worker(QUEUES.accountEventsGateway, (job) => this.handle(job), { connection: this.conn, prefix: queuePrefix(settings, QUEUES.accountEventsGateway) });
    this.worker.on('error', (err) => this.logger.error({ err }, 'account events worker error'));
    this.worker.on('failed', (job, err) => this.logger.warn({ err, attempts: job?.attemptsMade }, 'account event failed'));
  }

  async handle(job: Pick<Job, 'data'>): Promise<string> {
    const parsed = accountEventSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('INVALID_ACCOUNT_EVENT');
    // Only deletions are addressed to the gateway; anything else is not ours to act on.
    if (parsed.data.name !== 'account.deleted') return 'ignored';
    const { userId } = parsed.data;
    for (const id of await this.jobs.openIds(userId)) {
      await this.cancels.cancel(userId, id).catch((err) => this.logger.warn({ err, jobId: id }, 'could not cancel a job of a deleted account'));
    }
    const { ids } = await this.jobs.deleteAllOwned(userId);
    const { uploadKeys, webhookEndpoints } = await this.data.deleteForUser(userId);
    const objects = await this.storage.deletePrefix(`users/${userId}/`);
    this.logger.info({ userId, jobs: ids.length, uploads: uploadKeys.length, webhookEndpoints, objects }, 'deleted account data');
    return 'deleted';
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.conn?.quit().catch(() => undefined);
  }
}
