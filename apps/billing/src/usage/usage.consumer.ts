import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { QUEUES, type UsageEvent } from '@clipyard/contracts';
import { ROOT_LOGGER } from '@clipyard/observability';
import { Consumer, Handle } from '@clipyard/queue';
import type { BillingConfig } from '../config';
import { UsageService } from './usage.service';
import { UsageThresholds } from './usage-thresholds';

/** Consumes the `usage-events` queue. A DB error throws so BullMQ retries; the event id makes that safe. */
@Injectable()
@Consumer<BillingConfig>(QUEUES.usageEvents, { concurrency: (c) => c.USAGE_CONCURRENCY })
export class UsageConsumer {
  constructor(
    private readonly usage: UsageService,
    private readonly thresholds: UsageThresholds,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  @Handle('usage.job', 'usage.requests')
  async handle(ev: UsageEvent): Promise<string> {
    const outcome = await this.usage.record(ev);
    // A failed threshold check must not retry the (already recorded) event; it is re-judged on the next one.
    if (outcome === 'recorded') {
      await this.thresholds.check(ev).catch((err) => this.logger.error({ err }, 'usage threshold check failed'));
    }
    return outcome;
  }
}
