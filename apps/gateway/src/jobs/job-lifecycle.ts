import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '@clipyard/observability';
import type { JobRecord } from './jobs.repository';

export type JobFinishedListener = (job: JobRecord) => Promise<void> | void;

/**
 * In-process hook for features that react to a job reaching a final state (completed, failed,
 * canceled), e.g. webhooks. Listeners run after the jobs row is updated; a listener that throws
 * is logged and does not affect the others or the event.
 */
@Injectable()
export class JobLifecycle {
  private readonly listeners: JobFinishedListener[] = [];
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger) {}

  onFinished(listener: JobFinishedListener): void {
    this.listeners.push(listener);
  }

  async finished(job: JobRecord): Promise<void> {
    for (const l of this.listeners) {
      try {
        await l(job);
      } catch (err) {
        this.logger.error({ err, jobId: job.id }, 'job finished listener failed');
      }
    }
  }
}
