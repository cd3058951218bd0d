import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { QUEUES, type UsageEvent } from '@clipyard/contracts';
import { ROOT_LOGGER } from '@clipyard/observability';
import { Consumer, Handle, type BatchItem } from '@clipyard/queue';
import type { BillingConfig } from '../config';
import { UsageService, type RecordOutcome } from './usage.service';
import { UsageThresholds } from './usage-thresholds';

/**
 * Consumes the `usage-events` queue in batches (up to USAGE_BATCH_SIZE events or
 * USAGE_BATCH_WAIT_MS after the first, one transaction each). A DB error throws so every job of
 * the batch is retried; the event ids make that safe.
 */
@Injectable()
@Consumer<BillingConfig>(QUEUES.usageEvents, {
  concurrency: (c) => c.USAGE_CONCURRENCY,
  batch: (c) => ({ size: c.USAGE_BATCH_SIZE, waitMs: c.USAGE_BATCH_WAIT_MS }),
})
export class UsageConsumer {
  constructor(
    private readonly usage: UsageService,
    private readonly thresholds: UsageThresholds,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  @Handle('usage.job', 'usage.requests')
  async handle(items: BatchItem<UsageEvent>[]): Promise<RecordOutcome[]> {
    const events = items.map((i) => i.payload);
    const outcomes = await this.usage.recordBatch(events);
    // Thresholds are judged on the month's totals, once per user and month of the batch. A failed
    // check must not retry the (already recorded) events; it is re-judged on the next event.
    const recorded = events.filter((_, i) => outcomes[i] === 'recorded');
    if (recorded.length) await this.thresholds.checkMany(recorded).catch((err) => this.logger.error({ err }, 'usage threshold check failed'));
    return outcomes;
  }
}
