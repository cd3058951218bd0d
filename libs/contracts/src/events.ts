import type { z } from 'zod';
import { QUEUES } from './queues';
import { jobEventSchema } from './events/job-events';
import { usageMessageSchema } from './events/usage-events';
import { webhookDeliverySchema, webhookSourceEventSchema } from './events/webhook-events';
import { accountEventSchema, outboxDeliverySchema } from './events/account-events';
import { MEDIA_QUEUE_NAMES, MEDIA_QUEUE_SCHEMAS, mediaJobsOn, recordOf, type MediaJobPayload, type MediaJobPayloadInput, type MediaJobsOn, type MediaQueue } from './media-jobs';

export * from './events/job-events';
export * from './events/usage-events';
export * from './events/media-jobs';
export * from './events/webhook-events';
export * from './events/account-events';

/** Payload schema of every plain (non-RPC) queue that is not a media queue: each a discriminated union on `name`. */
const EVENT_PAYLOADS = {
  [QUEUES.jobEvents]: jobEventSchema,
  [QUEUES.usageEvents]: usageMessageSchema,
  [QUEUES.webhookDeliveries]: webhookDeliverySchema,
  [QUEUES.webhookEvents]: webhookSourceEventSchema,
  [QUEUES.authOutbox]: outboxDeliverySchema,
  [QUEUES.accountEventsGateway]: accountEventSchema,
  [QUEUES.accountEventsBilling]: accountEventSchema,
} as const;
type EventPayloads = typeof EVENT_PAYLOADS;
type EventQueue = keyof EventPayloads;

export type PayloadQueue = EventQueue | MediaQueue;
/** A payload as a producer writes it: the typed queue client refuses, at compile time, one that does not match its job name. */
export type QueuePayload<Q extends PayloadQueue> = Q extends MediaQueue
  ? MediaJobPayloadInput<MediaJobsOn<Q>>
  : Q extends EventQueue
    ? z.input<EventPayloads[Q]>
    : never;
/** A payload as its consumer receives it (validated). */
export type ParsedQueuePayload<Q extends PayloadQueue> = Q extends MediaQueue
  ? MediaJobPayload<MediaJobsOn<Q>>
  : Q extends EventQueue
    ? z.output<EventPayloads[Q]>
    : never;

/** The payload schema of every plain queue (media queues: from MEDIA_JOBS). */
export const QUEUE_PAYLOADS: Record<PayloadQueue, z.ZodType> = { ...EVENT_PAYLOADS, ...MEDIA_QUEUE_SCHEMAS };

/** The job names (payload `name` literals) a discriminated payload schema allows. */
const namesOf = (schema: { options: ReadonlyArray<{ shape: { name: { value: string } } }> }): readonly string[] =>
  schema.options.map((o) => o.shape.name.value);

/** The job names each plain queue carries. */
export const QUEUE_JOB_NAMES: Record<PayloadQueue, readonly string[]> = {
  ...recordOf(Object.keys(EVENT_PAYLOADS) as EventQueue[], (q) => namesOf(EVENT_PAYLOADS[q])),
  ...recordOf(MEDIA_QUEUE_NAMES, mediaJobsOn),
};
