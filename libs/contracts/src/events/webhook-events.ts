import { z } from 'zod';
import { registerErrorCodes } from '../errors';
import { isoDate, uuid, v } from './common';

/** Events a webhook endpoint can subscribe to. */
export const WEBHOOK_EVENT_TYPES = ['job.completed', 'job.failed', 'job.canceled', 'usage.threshold_reached'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

registerErrorCodes({
  WEBHOOK_NOT_FOUND: 404,
  WEBHOOK_DELIVERY_NOT_FOUND: 404,
  /** Too many endpoints for one user. */
  WEBHOOK_LIMIT_REACHED: 409,
});

/** gateway → gateway: deliver one stored delivery row (thin: the row holds the body). */
export const webhookDeliverySchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('webhook.deliver'), v, deliveryId: uuid, userId: uuid }),
]);

/** What usage.threshold_reached is about: a count of jobs, or transcription minutes. */
export const USAGE_THRESHOLD_METRICS = ['trim', 'overlay', 'transcribe', 'hooks', 'transcribe_minutes'] as const;

/**
 * Other apps → gateway: domain events that become webhooks. Billing emits
 * `usage.threshold_reached` when a month's usage first crosses 80 % or 100 % of a limit; the
 * event id is derived from (user, month, metric, threshold) so it fires once per month.
 */
export const webhookSourceEventSchema = z.discriminatedUnion('name', [
  z.object({
    name: z.literal('usage.threshold_reached'),
    v,
    eventId: z.string().min(1).max(200),
    userId: uuid,
    metric: z.enum(USAGE_THRESHOLD_METRICS),
    threshold: z.union([z.literal(80), z.literal(100)]),
    month: z.string().regex(/^\d{4}-\d{2}$/),
    used: z.number().nonnegative(),
    limit: z.number().positive(),
    occurredAt: isoDate,
  }),
]);
export type WebhookSourceEvent = z.infer<typeof webhookSourceEventSchema>;

/** Deterministic id so a replayed usage event cannot fire the same threshold twice. */
export const usageThresholdEventId = (userId: string, month: string, metric: string, threshold: number) =>
  `usage:${userId}:${month}:${metric}:${threshold}`;
