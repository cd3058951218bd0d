import { Module } from '@nestjs/common';
import { PlanGate } from './plan-gate';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEventsConsumer } from './webhook-events.consumer';
import { WebhookSecrets } from './webhook-secrets';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/** Signed webhooks: endpoints, per-job callbacks, the delivery queue and its log. */
@Module({
  controllers: [WebhooksController],
  providers: [
    WebhooksRepository,
    WebhookSecrets,
    WebhookDispatcher,
    WebhooksService,
    PlanGate,
    WebhookDeliveryWorker,
    WebhookEventsConsumer,
  ],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}
