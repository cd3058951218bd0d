import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppError, mediaCancelChannel, mediaQueueOf } from '@clipyard/contracts';
import { Metrics, ROOT_LOGGER } from '@clipyard/observability';
import { QueueClient, REDIS_SETTINGS, createRedis, type RedisClient, type RedisSettings } from '@clipyard/queue';
import { BillingClient } from '../billing/billing.client';
import { JobFiles } from './job-files';
import { JobLifecycle } from './job-lifecycle';
import { JobsRepository } from './jobs.repository';
import { JobsQueryService, assertJobId } from './jobs-query.service';
import type { JobView } from './job.presenter';

/**
 * Cancels a queued or running job: the row moves to `canceled` first (so a late completion is
 * ignored and its files deleted), then the BullMQ job is removed if still waiting, running
 * workers are told on `${REDIS_PREFIX}:media-cancel` to kill ffmpeg, the reservation is
 * released and any files are deleted.
 */
@Injectable()
export class JobCancelService implements OnApplicationShutdown {
  private readonly pub: RedisClient;
  private readonly canceled;

  constructor(
    private readonly jobs: JobsRepository,
    private readonly query: JobsQueryService,
    private readonly queues: QueueClient,
    private readonly billing: BillingClient,
    private readonly files: JobFiles,
    private readonly lifecycle: JobLifecycle,
    @Inject(REDIS_SETTINGS) private readonly redis: RedisSettings,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    metrics: Metrics,
  ) {
    this.pub = createRedis(redis);
    this.canceled = metrics.counter('jobs_canceled_total', 'Jobs cancelled by their owner', ['was']);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pub.quit().catch(() => undefined);
  }

  async cancel(userId: string, id: string): Promise<JobView> {
    assertJobId(id);
    const res = await this.jobs.cancel(userId, id);
    if (!res) {
      const job = await this.query.get(userId, id); // 404 for a job that is not the caller's
      throw new AppError('JOB_NOT_CANCELABLE', `The job is already ${job.status}`, { status: job.status });
    }
    const { job, was } = res;
    this.canceled.inc({ was });
    // Remove it from the queue if no worker has taken it; then tell any worker that has.
    const bull = await this.queues.queue(mediaQueueOf(job.type)).getJob(job.id).catch(() => undefined);
    await bull?.remove().catch(() => undefined); // active (locked) jobs refuse: the signal below stops them
    await this.pub.publish(mediaCancelChannel(this.redis.prefix), job.id);
    await this.billing
      .release(userId, job.id, 'canceled')
      .catch((err) => this.logger.error({ err, jobId: job.id }, 'could not release the reservation of a cancelled job'));
    await this.files.deleteKeys(job.outputs.map((o) => o.key));
    await this.lifecycle.finished(job);
    return this.query.present(job);
  }
}
