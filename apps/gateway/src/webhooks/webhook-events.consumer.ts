import { Injectable } from '@nestjs/common';
import { QUEUES, type WebhookSourceEvent } from '@clipyard/contracts';
import { Consumer, Handle } from '@clipyard/queue';
import { WebhookDispatcher } from './webhook-dispatcher';

/** Consumes domain events other apps publish for webhooks (billing's usage thresholds). */
@Injectable()
@Consumer(QUEUES.webhookEvents, { concurrency: 4 })
export class WebhookEventsConsumer {
  constructor(private readonly dispatcher: WebhookDispatcher) {}

  @Handle('usage.threshold_reached')
  async apply(ev: WebhookSourceEvent): Promise<void> {
    switch (ev.name) {
      case 'usage.threshold_reached':
        await this.dispatcher.dispatch({
          userId: ev.userId,
          type: 'usage.threshold_reached',
          key: ev.eventId,
          occurredAt: new Date(ev.occurredAt),
          data: { metric: ev.metric, threshold_percent: ev.threshold, used: ev.used, limit: ev.limit, month: ev.month },
        });
    }
  }
}
