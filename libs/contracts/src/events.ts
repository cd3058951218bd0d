import type { z } from 'zod';
import { QUEUES } from './queues';
import { jobEventSchema } from './events/job-events';
import { usageEventSchema } from './events/usage-events';
import { mediaJobSchemas } from './events/media-jobs';
import { webhookDeliverySchema, webhookSourceEventSchema } from './events/webhook-events';
import { accountEventSchema, outboxDeliverySchema } from './events/account-events';

export * from './events/job-events';
export * from './events/usage-events';
export * from './events/media-jobs';
export * from './events/webhook-events';
export * from './events/account-events';

/**
 * Payload schema of every plain (non-RPC) queue. Each is a discriminated union on `name`, so the
 * typed queue client refuses, at compile time, a payload that does not match its job name.
 */
export const QUEUE_PAYLOADS = {
  [QUEUES.jobEvents]: jobEventSchema,
  [QUEUES.usageEvents]: usageEventSchema,
  ...mediaJobSchemas,
  [QUEUES.webhookDeliveries]: webhookDeliverySchema,
  [QUEUES.webhookEvents]: webhookSourceEventSchema,
  [QUEUES.authOutbox]: outboxDeliverySchema,
  [QUEUES.accountEventsGateway]: accountEventSchema,
  [QUEUES.accountEventsBilling]: accountEventSchema,
} as const;

export type QueuePayloads = typeof QUEUE_PAYLOADS;
export type PayloadQueue = keyof QueuePayloads;
export type QueuePayload<Q extends PayloadQueue> = z.input<QueuePayloads[Q]>;
export type ParsedQueuePayload<Q extends PayloadQueue> = z.output<QueuePayloads[Q]>;
