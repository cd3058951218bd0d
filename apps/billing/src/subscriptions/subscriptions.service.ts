import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@clipyard/database';
import { AppError, type LimitOverrides, type SubscriptionDto } from '@clipyard/contracts';
import { Clock } from '../common/clock';
import { BILLING_CONFIG, type BillingConfig } from '../config';
import { monthBounds, monthOf } from '../common/month';
import { effectiveLimits } from '../plans/plan';
import { PlansRepository } from '../plans/plans.repository';
import { SubscriptionsRepository, type SubscriptionWithPlan } from './subscriptions.repository';

/** The plan (seeded by migration) anonymous trial users are on until they upgrade. */
export const TRIAL_PLAN = 'trial';

/** Every user's one subscription: read it (creating it on first sight), move plans, override limits. */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly db: Database,
    private readonly subs: SubscriptionsRepository,
    private readonly plans: PlansRepository,
    private readonly clock: Clock,
    @Inject(BILLING_CONFIG) config: BillingConfig,
  ) {
    this.defaultPlan = config.DEFAULT_PLAN;
  }

  private readonly defaultPlan: string;

  async get(userId: string): Promise<SubscriptionWithPlan> {
    const found = await this.subs.get(userId);
    if (found) return found;
    await this.subs.ensure(userId, { now: this.clock.now() });
    return (await this.subs.get(userId)) as SubscriptionWithPlan;
  }

  /** Many users' subscriptions in one read; a user seen for the first time gets one, as with get(). */
  async getMany(userIds: string[]): Promise<Map<string, SubscriptionWithPlan>> {
    const found = await this.subs.getMany(userIds);
    for (const userId of new Set(userIds)) if (!found.has(userId)) found.set(userId, await this.get(userId));
    return found;
  }

  async getDto(userId: string): Promise<SubscriptionDto> {
    return this.toDto(await this.get(userId));
  }

  /** A new anonymous user's subscription on the trial plan; a user who already has one keeps it. */
  async startTrial(userId: string): Promise<SubscriptionDto> {
    if (!(await this.plans.byCode(TRIAL_PLAN))) throw new AppError('PLAN_NOT_FOUND', `No plan named ${TRIAL_PLAN}`, { plan: TRIAL_PLAN });
    await this.subs.ensure(userId, { now: this.clock.now(), plan: TRIAL_PLAN });
    return this.getDto(userId);
  }

  /** An anonymous user was upgraded: off the trial plan onto the default one (any other plan is left alone). */
  async endTrial(userId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await this.subs.ensure(userId, { now: this.clock.now() }, tx);
      const sub = await this.subs.lock(userId, tx);
      if (!sub || sub.plan.code !== TRIAL_PLAN) return false;
      const plan = await this.plans.byCode(this.defaultPlan, tx);
      if (!plan) throw new AppError('PLAN_NOT_FOUND', `No plan named ${this.defaultPlan}`, { plan: this.defaultPlan });
      await this.subs.setPlan(userId, plan.id, {}, tx);
      return true;
    });
  }

  async setPlan(userId: string, code: string, stripeCustomerId?: string): Promise<SubscriptionDto> {
    await this.db.transaction(async (tx) => {
      const plan = await this.plans.byCode(code, tx);
      if (!plan) throw new AppError('PLAN_NOT_FOUND', `No plan named ${code}`, { plan: code });
      await this.subs.ensure(userId, { now: this.clock.now() }, tx);
      await this.subs.lock(userId, tx);
      await this.subs.setPlan(userId, plan.id, stripeCustomerId ? { stripeCustomerId } : {}, tx);
    });
    return this.getDto(userId);
  }

  /** Merges `limits` into the user's overrides; a null value removes that override. */
  async setLimits(userId: string, limits: LimitOverrides): Promise<SubscriptionDto> {
    await this.db.transaction(async (tx) => {
      await this.subs.ensure(userId, { now: this.clock.now() }, tx);
      const { subscription } = (await this.subs.lock(userId, tx)) as SubscriptionWithPlan;
      const merged: Record<string, unknown> = { ...subscription.limitOverrides };
      for (const [k, v] of Object.entries(limits)) {
        if (v === null) delete merged[k];
        else if (v !== undefined) merged[k] = v;
      }
      await this.subs.setOverrides(userId, merged as LimitOverrides, tx);
    });
    return this.getDto(userId);
  }

  toDto({ subscription: s, plan }: SubscriptionWithPlan): SubscriptionDto {
    const { limits, features } = effectiveLimits(plan, s.limitOverrides);
    // A subscription Stripe does not manage renews with the calendar month.
    const period =
      s.stripeSubscriptionId || new Date(s.currentPeriodEnd) > this.clock.now()
        ? { start: new Date(s.currentPeriodStart), end: new Date(s.currentPeriodEnd) }
        : monthBounds(monthOf(this.clock.now()));
    return {
      user_id: s.userId,
      plan: plan.code,
      status: s.status,
      current_period_start: period.start.toISOString(),
      current_period_end: period.end.toISOString(),
      limits,
      features,
      overrides: s.limitOverrides as Record<string, unknown>,
      priority: plan.priority,
    };
  }
}
