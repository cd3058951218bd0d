import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '@clipyard/observability';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { JobLifecycle } from '../jobs/job-lifecycle';
import { presentJob } from '../jobs/job.presenter';
import type { JobRecord } from '../jobs/jobs.repository';
import { PlanGate } from './plan-gate';
import { WebhookDispatcher } from './webhook-dispatcher';

/**
 * Turns a job reaching a final state into `job.completed` / `job.failed` / `job.canceled` for the
 * owner's subscribed endpoints and the job's own `callback_url`. The event id derives from the
 * job and its state, so a replayed job event is delivered once.
 */
@Injectable()
export class JobWebhooks implements OnModuleInit {
  constructor(
    private readonly lifecycle: JobLifecycle,
    private readonly dispatcher: WebhookDispatcher,
    private readonly plans: PlanGate,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onFinished((job) => this.onFinished(job));
  }

  async onFinished(job: JobRecord): Promise<void> {
    if (!['completed', 'failed', 'canceled'].includes(job.status)) return;
    const callback = typeof job.params.callback_url === 'string' ? job.params.callback_url : undefined;
    // the plan is asked only when the owner has somewhere to deliver (most jobs have no webhook)
    await this.dispatcher.dispatch({
      userId: job.userId,
      type: `job.${job.status}`,
      key: `job:${job.id}:${job.status}`,
      occurredAt: job.completedAt ?? new Date(),
      data: { job: presentJob(job, this.config.PUBLIC_BASE_URL) },
      callbackUrl: callback,
      allowed: async () => {
        if (await this.planAllows(job.userId)) return true;
        this.logger.info({ jobId: job.id, userId: job.userId }, 'webhooks not in the plan any more: job event not delivered');
        return false;
      },
    });
  }

  /** The plan's `webhooks` feature now; when billing cannot say, deliver (it was granted at creation). */
  private async planAllows(userId: string): Promise<boolean> {
    try {
      return (await this.plans.features(userId)).includes('webhooks');
    } catch (err) {
      this.logger.warn({ err, userId }, 'plan features unavailable; delivering the job event anyway');
      return true;
    }
  }
}
