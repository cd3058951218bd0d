import { JobEntity } from './job.entity';
import { UploadEntity } from './upload.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';

export * from './job.entity';
export * from './upload.entity';
export * from './idempotency-key.entity';
export * from './webhook-endpoint.entity';
export * from './webhook-delivery.entity';

/** Tables the gateway app owns (only it writes them). */
export const GATEWAY_ENTITIES = [JobEntity, UploadEntity, IdempotencyKeyEntity, WebhookEndpointEntity, WebhookDeliveryEntity];
