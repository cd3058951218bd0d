import type { Type } from '@nestjs/common';
import { z } from 'zod';
import { billingMonth, limitOverridesSchema, type LimitOverrides } from '@clipyard/contracts';
import { PlansRepository } from '../plans/plans.repository';
import { toPlanDto } from '../plans/plan';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
import { UsageQueryService } from '../usage/usage-query.service';

/** Parses a REPL argument with a one-line error instead of a zod dump. */
function arg<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new Error(`${name}: ${r.error.issues.map((i) => `${i.path.join('.') || 'value'} ${i.message}`).join('; ')}`);
  return r.data;
}
const userId = (v: unknown) => arg(z.string().uuid('must be a user id (uuid)'), v, 'userId');
const month = (v: unknown) => arg(billingMonth.optional(), v, 'month');

/**
 * Admin helpers of the billing REPL (`npm run repl -- billing`): plans and per-user limits, usage.
 * They call billing's own services, so every rule (plan must exist, overrides validated, rows
 * locked) applies exactly as over RPC.
 */
export function billingReplHelpers(get: <T>(type: Type<T>) => T) {
  const plans = get(PlansRepository);
  const subs = get(SubscriptionsService);
  const usage = get(UsageQueryService);
  return {
    plans: {
      /** Every plan with its limits and features. */
      list: async () => (await plans.list()).map(toPlanDto),
      /** A user's subscription: plan, effective limits, overrides. */
      get: async (id: string) => subs.getDto(userId(id)),
      /** Moves a user to a plan (`free`, `pro`, …). */
      set: async (id: string, plan: string) => subs.setPlan(userId(id), arg(z.string().min(1), plan, 'plan')),
      /** Overrides some limits of one user (-1 = unlimited, null = back to the plan's value). */
      override: async (id: string, limits: LimitOverrides) =>
        subs.setLimits(userId(id), arg(limitOverridesSchema, limits, 'limits') as LimitOverrides),
    },
    usage: {
      /** A user's usage for a month (yyyy-mm, default: this month) against their limits. */
      summary: async (id: string, m?: string) => usage.summary(userId(id), month(m)),
      /** Every user's usage for a month: the top consumers first. */
      all: async (m?: string) => usage.admin(month(m)),
    },
  };
}
