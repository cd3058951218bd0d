import { z } from 'zod';
import { registerErrorCodes } from '../errors';
import { USAGE_ACTIONS } from '../media-jobs';
import { defineRpc } from './define';
import { PLAN_FEATURES, type PlanFeature } from '../plan-features';

/**
 * Billing's domain error codes → HTTP status. Reservation refusals travel back over RPC as
 * AppErrors with these codes, so the gateway's global filter maps them without extra code.
 * MEDIA_TOO_LONG is a 413 like FILE_TOO_LARGE: both say "this input is bigger than your plan".
 */
export const BILLING_ERROR_STATUS = {
  QUOTA_EXCEEDED: 402,
  FILE_TOO_LARGE: 413,
  MEDIA_TOO_LONG: 413,
  CONCURRENCY_LIMIT: 429,
  FEATURE_NOT_IN_PLAN: 403,
  PLAN_NOT_FOUND: 404,
  STRIPE_SIGNATURE_INVALID: 400,
  STRIPE_NOT_CONFIGURED: 503,
  /** Checkout for a plan that has no Stripe price (free, or unknown). */
  PLAN_NOT_PURCHASABLE: 422,
  /** Stripe refused an API call (its message is passed on). */
  STRIPE_REQUEST_FAILED: 502,
} as const;
registerErrorCodes(BILLING_ERROR_STATUS);

const uuid = z.string().uuid();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be yyyy-mm');
export { PLAN_FEATURES, type PlanFeature };
export const billingMonth = month;

/** Limits of a plan, and of one user after their overrides. -1 = unlimited. */
export const planLimitsSchema = z.object({
  trims_per_month: z.number().int().min(-1),
  overlays_per_month: z.number().int().min(-1),
  transcribes_per_month: z.number().int().min(-1),
  transcribe_minutes_per_month: z.number().int().min(-1),
  /** Hook detection jobs (and shorts) per month: the product's `monthly_hooks`. */
  hooks_per_month: z.number().int().min(-1),
  max_file_bytes: z.number().int().min(-1),
  max_media_seconds: z.number().int().min(-1),
  max_concurrent_jobs: z.number().int().min(-1),
  retention_days: z.number().int().min(-1),
});
export type PlanLimits = z.infer<typeof planLimitsSchema>;
/** A per-user override: any subset of the limits, plus a replacement feature list; null clears one. */
const override = z.number().int().min(-1).nullable().optional();
export const limitOverridesSchema = z
  .object({
    trims_per_month: override,
    overlays_per_month: override,
    transcribes_per_month: override,
    transcribe_minutes_per_month: override,
    hooks_per_month: override,
    max_file_bytes: override,
    max_media_seconds: override,
    max_concurrent_jobs: override,
    retention_days: override,
    features: z.array(z.enum(PLAN_FEATURES)).nullable().optional(),
  })
  .strict();
export type LimitOverrides = Partial<Record<keyof PlanLimits, number | null>> & { features?: PlanFeature[] | null };

export const planSchema = z.object({
  code: z.string(),
  name: z.string(),
  limits: planLimitsSchema,
  features: z.array(z.string()),
  /** BullMQ priority of this plan's jobs (1 = first; larger = later). */
  priority: z.number().int(),
});
export type PlanDto = z.infer<typeof planSchema>;

export const subscriptionSchema = z.object({
  user_id: uuid,
  plan: z.string(),
  status: z.enum(['active', 'trialing', 'past_due', 'canceled']),
  current_period_start: z.string(),
  current_period_end: z.string(),
  /** The plan's limits with this user's overrides applied. */
  limits: planLimitsSchema,
  features: z.array(z.string()),
  overrides: z.record(z.string(), z.unknown()),
  priority: z.number().int(),
});
export type SubscriptionDto = z.infer<typeof subscriptionSchema>;

const counter = z.object({
  used: z.number(),
  reserved: z.number(),
  /** null = unlimited */
  limit: z.number().nullable(),
  remaining: z.number().nullable(),
});
export const usageSummarySchema = z.object({
  month,
  plan: z.string(),
  resets_at: z.string(),
  actions: z.object({ trim: counter, overlay: counter, transcribe: counter, hooks: counter }),
  /** Language-model tokens of the month's hooks and shorts jobs (on your own provider key). */
  ai_tokens: z.object({ input: z.number(), output: z.number() }),
  transcribe_minutes: counter,
  media_seconds: z.number(),
  input_bytes: z.number(),
  output_bytes: z.number(),
  processing_seconds: z.number(),
  api_requests: z.number(),
});
export type UsageSummaryDto = z.infer<typeof usageSummarySchema>;

export const usageEventDtoSchema = z.object({
  event_id: z.string(),
  kind: z.enum(['job', 'requests']),
  job_id: z.string().nullable(),
  action: z.string().nullable(),
  units: z.number(),
  media_seconds: z.number(),
  input_bytes: z.number(),
  output_bytes: z.number(),
  processing_ms: z.number(),
  template: z.string().nullable(),
  input_tokens: z.number(),
  output_tokens: z.number(),
  ai_provider: z.string().nullable(),
  ai_model: z.string().nullable(),
  occurred_at: z.string(),
});

const reserveRequest = z.object({
  userId: uuid,
  jobId: uuid,
  action: z.enum(USAGE_ACTIONS),
  /** Units to hold: 1 for trim/overlay; estimated minutes (ceil) for transcribe. */
  units: z.number().int().min(1).max(1_000_000).default(1),
  inputBytes: z.number().int().nonnegative().optional(),
  mediaSeconds: z.number().nonnegative().optional(),
  /** Plan features the job needs beyond the action's own (e.g. `vertical_format`, `subtitles`). */
  features: z.array(z.string().min(1).max(50)).max(20).default([]),
  /** Transcription minutes a trim with subtitles holds on the month's transcribe minutes (ceil of the cut's length). */
  subtitleMinutes: z.number().int().min(0).max(1_000_000).default(0),
  /** Trim jobs a shorts job holds on the month's `trim` row (one per clip it may cut). */
  trimJobs: z.number().int().min(0).max(100).default(0),
});

/** RPC methods the billing service answers. Request fields camelCase; HTTP-facing replies snake_case. */
export const billingRpc = defineRpc({
  /**
   * Atomically holds quota for one job (no overshoot under races). Idempotent per jobId: a second
   * call returns the first answer. Refusals are AppErrors: QUOTA_EXCEEDED (402, details: metric,
   * limit, used, reserved, resets_at), FILE_TOO_LARGE / MEDIA_TOO_LONG (413), CONCURRENCY_LIMIT
   * (429, details: limit, active), FEATURE_NOT_IN_PLAN (403, details: feature, plan).
   */
  'quota.reserve': {
    service: 'billing',
    request: reserveRequest,
    reply: z.object({
      reservationId: uuid,
      granted: z.literal(true),
      plan: z.string(),
      /** BullMQ priority to enqueue the job with. */
      priority: z.number().int(),
      /** True when this jobId already had a reservation (the answer is the first one). */
      replayed: z.boolean(),
    }),
  },
  /** Releases a job's pending reservation (failed or cancelled job). Idempotent. */
  'quota.release': {
    service: 'billing',
    request: z.object({ userId: uuid, jobId: uuid, reason: z.string().min(1).max(100) }),
    reply: z.object({
      released: z.boolean(),
      /** The reservation's status after the call; null when the job had none. */
      status: z.enum(['pending', 'committed', 'released']).nullable(),
    }),
  },
  /** What the gateway checks before accepting an upload or a job. */
  'quota.get-limits': {
    service: 'billing',
    request: z.object({ userId: uuid }),
    reply: z.object({
      plan: z.string(),
      priority: z.number().int(),
      features: z.array(z.string()),
      maxFileBytes: z.number().int(),
      maxMediaSeconds: z.number().int(),
      maxConcurrentJobs: z.number().int(),
      retentionDays: z.number().int(),
    }),
  },
  'usage.summary': {
    service: 'billing',
    request: z.object({ userId: uuid, month: month.optional() }),
    reply: usageSummarySchema,
  },
  'usage.events': {
    service: 'billing',
    request: z.object({
      userId: uuid,
      from: z.string().datetime({ offset: true }).optional(),
      to: z.string().datetime({ offset: true }).optional(),
      action: z.enum([...USAGE_ACTIONS, 'requests']).optional(),
      cursor: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(100).default(50),
    }),
    reply: z.object({ data: z.array(usageEventDtoSchema), next_cursor: z.string().nullable() }),
  },
  'plans.list': {
    service: 'billing',
    request: z.object({}),
    reply: z.object({ data: z.array(planSchema) }),
  },
  'subscription.get': {
    service: 'billing',
    request: z.object({ userId: uuid }),
    reply: subscriptionSchema,
  },
  /** A new anonymous user's subscription, on the `trial` plan (created only if the user has none yet). */
  'subscription.startTrial': {
    service: 'billing',
    request: z.object({ userId: uuid }),
    reply: subscriptionSchema,
  },
  'admin.setPlan': {
    service: 'billing',
    request: z.object({ userId: uuid, plan: z.string().min(1).max(50), stripeCustomerId: z.string().max(100).optional() }),
    reply: subscriptionSchema,
  },
  'admin.setLimits': {
    service: 'billing',
    request: z.object({ userId: uuid, limits: limitOverridesSchema }),
    reply: subscriptionSchema,
  },
  'admin.usage': {
    service: 'billing',
    request: z.object({ month: month.optional() }),
    reply: z.object({
      month,
      users_per_plan: z.record(z.string(), z.number()),
      jobs_per_status: z.record(z.string(), z.number()),
      completion_rate: z.number().nullable(),
      daily: z.array(
        z.object({ day: z.string(), jobs: z.number(), media_seconds: z.number(), api_requests: z.number() }),
      ),
    }),
  },
  /** A Stripe Checkout Session for a paid plan (the user's Stripe customer is created on first use). */
  'stripe.checkout': {
    service: 'billing',
    request: z.object({
      userId: uuid,
      email: z.string().max(254).optional(),
      plan: z.string().min(1).max(50),
      successUrl: z.string().url().max(2048),
      cancelUrl: z.string().url().max(2048),
    }),
    reply: z.object({ url: z.string(), id: z.string() }),
  },
  /** A Stripe Customer Portal session (manage the card, switch or cancel the plan). */
  'stripe.portal': {
    service: 'billing',
    request: z.object({ userId: uuid, email: z.string().max(254).optional(), returnUrl: z.string().url().max(2048) }),
    reply: z.object({ url: z.string(), id: z.string() }),
  },
  /** The gateway forwards the raw body and signature; billing verifies and applies it once. */
  'stripe.webhook': {
    service: 'billing',
    request: z.object({ payload: z.string().max(1_000_000), signature: z.string().max(2000) }),
    reply: z.object({ eventId: z.string(), type: z.string(), duplicate: z.boolean(), applied: z.boolean() }),
  },
});
