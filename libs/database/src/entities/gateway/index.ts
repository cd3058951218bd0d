import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';

export * from './webhook-endpoint.entity';
export * from './webhook-delivery.entity';

/** Tables the gateway app owns (only it writes them). */
export const GATEWAY_ENTITIES = [WebhookEndpointEntity, WebhookDeliveryEntity];
