import { z } from 'zod';
import { USAGE_ACTIONS } from '../media-jobs';
import { isoDate, uuid, v } from './common';

/**
 * Usage is counted exactly once per `eventId`, which is derived from the job
 * (`job:<id>:completed`), so a retried or duplicated event does not double-count.
 */
export const usageEventSchema = z.discriminatedUnion('name', [
  z.object({
    name: z.literal('usage.job'),
    v,
    eventId: z.string().min(1).max(200),
    userId: uuid,
    jobId: uuid,
    action: z.enum(USAGE_ACTIONS),
    units: z.number().int().nonnegative(),
    mediaSeconds: z.number().nonnegative().default(0),
    inputBytes: z.number().int().nonnegative().default(0),
    outputBytes: z.number().int().nonnegative().default(0),
    processingMs: z.number().int().nonnegative().default(0),
    template: z.string().optional(),
    customOverrides: z.record(z.string(), z.unknown()).optional(),
    /** Minutes a trim transcribed for its subtitles: metered on the transcribe minutes, no transcription job counted. */
    subtitleMinutes: z.number().int().nonnegative().default(0),
    /** Clips a shorts job cut: metered as that many trim jobs, against what its reservation held. */
    trimJobs: z.number().int().min(0).max(100).default(0),
    /** The language model's tokens (hooks and shorts), so users see what a job cost them. */
    inputTokens: z.number().int().nonnegative().default(0),
    outputTokens: z.number().int().nonnegative().default(0),
    aiProvider: z.string().max(50).optional(),
    aiModel: z.string().max(200).optional(),
    occurredAt: isoDate,
  }),
  /** Batched API request counts from the gateway (one message per user per flush). */
  z.object({
    name: z.literal('usage.requests'),
    v,
    eventId: z.string().min(1).max(200),
    userId: uuid,
    count: z.number().int().positive(),
    occurredAt: isoDate,
  }),
]);
export type UsageEvent = z.infer<typeof usageEventSchema>;
/** A usage event as a producer writes it (defaults not yet applied). */
export type UsageEventInput = z.input<typeof usageEventSchema>;

/** The most usage events one `usage.bulk` message carries (billing writes a message's events in one transaction). */
export const USAGE_BULK_MAX = 500;

/**
 * Many usage events in one message, so that ingest is not bound by the queue's per-message cost:
 * each event keeps its own `eventId` and is counted exactly once whichever message carried it.
 */
export const usageBulkSchema = z.object({
  name: z.literal('usage.bulk'),
  v,
  events: z.array(usageEventSchema).min(1).max(USAGE_BULK_MAX),
});
export type UsageBulk = z.infer<typeof usageBulkSchema>;

/** What the `usage-events` queue carries: one event, or a bulk of them. */
export const usageMessageSchema = z.discriminatedUnion('name', [...usageEventSchema.options, usageBulkSchema]);
export type UsageMessage = z.infer<typeof usageMessageSchema>;
