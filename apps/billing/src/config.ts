import { z } from 'zod';
import { commonSchema, loadConfig, port, positiveInt, secretVar } from '@clipyard/config';

export const billingConfigSchema = commonSchema.extend({
  /** Small HTTP port for health and metrics. */
  BILLING_HTTP_PORT: port(3002),
  /** Plan every new user starts on. */
  DEFAULT_PLAN: z.string().regex(/^[a-z0-9_-]{1,50}$/).default('free'),
  /** A reservation whose job never settles is released by the reaper after this long. */
  RESERVATION_TTL_S: positiveInt(6 * 3600),
  /** How often the reaper looks for expired reservations. */
  REAPER_INTERVAL_MS: positiveInt(60_000),
  /** Most reservations the reaper releases per pass. */
  REAPER_BATCH: positiveInt(200),
  /** Batches of usage events written in parallel by one billing instance. */
  USAGE_CONCURRENCY: positiveInt(2),
  /** Most usage events written in one transaction. */
  USAGE_BATCH_SIZE: positiveInt(500),
  /** How long the first event of a batch waits for more before the batch is written (ms). */
  USAGE_BATCH_WAIT_MS: positiveInt(10),
  /** Signing secret of the Stripe webhook endpoint (`whsec_…`). */
  STRIPE_WEBHOOK_SECRET: secretVar(),
  /** Seconds a signed Stripe payload stays valid (replay window). */
  STRIPE_WEBHOOK_TOLERANCE_S: positiveInt(300),
  /** Optional: only needed to call Stripe's API; webhooks verify with the webhook secret alone. */
  STRIPE_SECRET_KEY: z.string().optional(),
  /** Stripe price ids of each paid plan (a price whose lookup_key is a plan code also maps). */
  STRIPE_PRICE_PRO: z.string().optional(),
  STRIPE_PRICE_PREMIUM: z.string().optional(),
  /** Where the Stripe client sends API calls (default api.stripe.com:443 over https); for a stand-in or proxy. */
  STRIPE_API_HOST: z.string().min(1).optional(),
  STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  STRIPE_API_PROTOCOL: z.enum(['https', 'http']).optional(),
  /** Time limit of one Stripe API call (ms). */
  STRIPE_API_TIMEOUT_MS: positiveInt(10_000),
  /** A `past_due` subscription keeps its paid plan's limits this many days, then counts as DEFAULT_PLAN. */
  PAST_DUE_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(7),
});
export type BillingConfig = z.infer<typeof billingConfigSchema>;
export const BILLING_CONFIG = Symbol('BILLING_CONFIG');
export const loadBillingConfig = (env?: Record<string, string | undefined>) => loadConfig(billingConfigSchema, env);
