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

/** The job names (payload `name` literals) a discriminated payload schema allows. */
const namesOf = (schema: { options: ReadonlyArray<{ shape: { name: { value: string } } }> }): readonly string[] =>
  schema.options.map((o) => o.shape.name.value);

/** The job names each plain queue carries. */
export const QUEUE_JOB_NAMES: Record<PayloadQueue, readonly string[]> = {
  [QUEUES.jobEvents]: namesOf(jobEventSchema),
  [QUEUES.usageEvents]: namesOf(usageEventSchema),
  [QUEUES.trim]: namesOf(mediaJobSchemas[QUEUES.trim]),
  [QUEUES.overlay]: namesOf(mediaJobSchemas[QUEUES.overlay]),
  [QUEUES.transcribe]: namesOf(mediaJobSchemas[QUEUES.transcribe]),
  [QUEUES.hooks]: namesOf(mediaJobSchemas[QUEUES.hooks]),
  [QUEUES.webhookDeliveries]: namesOf(webhookDeliverySchema),
  [QUEUES.webhookEvents]: namesOf(webhookSourceEventSchema),
  [QUEUES.authOutbox]: namesOf(outboxDeliverySchema),
  [QUEUES.accountEventsGateway]: namesOf(accountEventSchema),
  [QUEUES.accountEventsBilling]: namesOf(accountEventSchema),
};
