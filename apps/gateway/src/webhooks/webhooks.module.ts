import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { JobWebhooks } from './job-webhooks';
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
  imports: [JobsModule],
  controllers: [WebhooksController],
  providers: [
    WebhooksRepository,
    WebhookSecrets,
    WebhookDispatcher,
    WebhooksService,
    PlanGate,
    WebhookDeliveryWorker,
    WebhookEventsConsumer,
    JobWebhooks,
  ],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}
