import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { QUEUES, type UsageEvent, type UsageMessage } from '@clipyard/contracts';
import { ROOT_LOGGER } from '@clipyard/observability';
import { Consumer, Handle, type BatchItem } from '@clipyard/queue';
import type { BillingConfig } from '../config';
import { UsageService, type RecordOutcome } from './usage.service';
import { UsageThresholds } from './usage-thresholds';

/** What a `usage.bulk` job returns: how many of its events were new. */
export interface BulkOutcome {
  recorded: number;
  duplicate: number;
}

/**
 * Consumes the `usage-events` queue in batches (up to USAGE_BATCH_SIZE events or
 * USAGE_BATCH_WAIT_MS after the first, one transaction each). A `usage.bulk` job weighs as many
 * events as it carries, so a batch is one bulk job or a few. A DB error throws so every job of
 * the batch is retried; the event ids make that safe.
 */
@Injectable()
@Consumer<BillingConfig>(QUEUES.usageEvents, {
  concurrency: (c) => c.USAGE_CONCURRENCY,
  batch: (c) => ({ size: c.USAGE_BATCH_SIZE, waitMs: c.USAGE_BATCH_WAIT_MS }),
  weight: (p) => (p.name === 'usage.bulk' ? p.events.length : 1),
})
export class UsageConsumer {
  constructor(
    private readonly usage: UsageService,
    private readonly thresholds: UsageThresholds,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  @Handle('usage.job', 'usage.requests', 'usage.bulk')
  async handle(items: BatchItem<UsageMessage>[]): Promise<Array<RecordOutcome | BulkOutcome>> {
    const events: UsageEvent[] = items.flatMap((i) => (i.payload.name === 'usage.bulk' ? i.payload.events : [i.payload]));
    const { outcomes, ...known } = await this.usage.ingest(events);
    // Thresholds are judged on the month's totals (as the batch left them), once per user and month
    // of the batch. A failed check must not retry the (already recorded) events; it is re-judged on the next event.
    const recorded = events.filter((_, i) => outcomes[i] === 'recorded');
    if (recorded.length) await this.thresholds.checkMany(recorded, known).catch((err) => this.logger.error({ err }, 'usage threshold check failed'));
    let at = 0;
    return items.map((i) => {
      if (i.payload.name !== 'usage.bulk') return outcomes[at++];
      const mine = outcomes.slice(at, (at += i.payload.events.length));
      const recorded = mine.filter((o) => o === 'recorded').length;
      return { recorded, duplicate: mine.length - recorded };
    });
  }
}
