import { Inject, Injectable } from '@nestjs/common';
import type { LimitOverrides } from '@clipyard/contracts';
import { Database, PlanEntity, SubscriptionEntity, execute, one, query, type Row, type Tx } from '@clipyard/database';
import { monthBounds, monthOf } from '../common/month';
import type { PlanRecord } from '../plans/plan';
import { BILLING_CONFIG, type BillingConfig } from '../config';

/** A `subscriptions` row (the entity's shape). */
export type SubscriptionRecord = SubscriptionEntity;

/**
 * A user's subscription and the plan whose limits apply now: its own, except for a `canceled` one
 * or one `past_due` for longer than PAST_DUE_GRACE_DAYS, which count as DEFAULT_PLAN (read lazily,
 * so the fall-back happens on time without a sweeper; paying again restores the plan via Stripe).
 * `plan.id` is then not `subscription.planId`.
 */
export interface SubscriptionWithPlan {
  subscription: SubscriptionRecord;
  plan: PlanRecord;
}

/** Both inlined values are validated by the config schema (an integer, a plan-code pattern). */
const selectFor = (planColumns: string, graceDays: number, fallbackPlan: string, extraColumns = '') => `SELECT ${extraColumns}s.*, ${planColumns}
  FROM subscriptions s JOIN plans p ON p.id = CASE
    WHEN s.status = 'canceled' OR (s.status = 'past_due' AND s.past_due_since <= now() - interval '${Math.trunc(graceDays)} days')
    THEN (SELECT id FROM plans WHERE code = '${fallbackPlan.replace(/[^a-z0-9_-]/g, '')}') ELSE s.plan_id END`;

/** The `subscriptions` table: exactly one row per user, created lazily on the default plan. */
@Injectable()
export class SubscriptionsRepository {
  private readonly select: string;
  /** `select` plus the owner of the reservation of job id `$2`, if any. */
  private readonly selectWithJobOwner: string;
  private readonly toSubscription: (row: Row) => SubscriptionRecord;
  private readonly toPlan: (row: Row) => PlanRecord;

  constructor(
    private readonly db: Database,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
  ) {
    const planColumns = db.columns(PlanEntity, 'p', 'plan.');
    this.select = selectFor(planColumns, config.PAST_DUE_GRACE_DAYS, config.DEFAULT_PLAN);
    this.selectWithJobOwner = selectFor(
      planColumns,
      config.PAST_DUE_GRACE_DAYS,
      config.DEFAULT_PLAN,
      '(SELECT r.user_id FROM quota_reservations r WHERE r.job_id = $2) AS "job.owner", ',
    );
    this.toSubscription = db.records(SubscriptionEntity);
    this.toPlan = db.records(PlanEntity, 'plan.');
  }

  private withPlan(row: Row | undefined): SubscriptionWithPlan | undefined {
    return row && { subscription: this.toSubscription(row), plan: this.toPlan(row) };
  }

  /** Creates the user's subscription on the default plan (or `plan`) unless it exists (race-safe). */
  async ensure(userId: string, p: { now: Date; plan?: string }, tx: Tx = this.db.tx): Promise<void> {
    const { start, end } = monthBounds(monthOf(p.now));
    await execute(
      tx,
      `INSERT INTO subscriptions (user_id, plan_id, current_period_start, current_period_end)
       SELECT $1, id, $2, $3 FROM plans WHERE code = $4
       ON CONFLICT (user_id) DO NOTHING`,
      [userId, start, end, p.plan ?? this.config.DEFAULT_PLAN],
    );
  }

  /** Reads the subscription and locks it: every quota write of one user goes through this lock. */
  async lock(userId: string, tx: Tx): Promise<SubscriptionWithPlan | undefined> {
    return this.withPlan(await one(tx, `${this.select} WHERE s.user_id = $1 FOR UPDATE OF s`, [userId]));
  }

  /**
   * Locks the user's subscription, creating it first when this is the user's first sight, and
   * reads in the same statement who holds a reservation of `jobId` (anyone: job ids are unique
   * across users; only the owner's id comes back). That read uses the statement's snapshot,
   * taken before any wait for the lock: a reservation of the same job id committed during the
   * wait is not seen, and the caller's insert of it then fails on the unique job id.
   */
  async lockOrCreate(userId: string, now: Date, tx: Tx, jobId?: string): Promise<SubscriptionWithPlan & { jobOwner?: string }> {
    const found = await this.lockWithJobOwner(userId, jobId, tx);
    if (found) return found;
    await this.ensure(userId, { now }, tx);
    const created = await this.lockWithJobOwner(userId, jobId, tx);
    if (!created) throw new Error(`no subscription for ${userId} after creating it (is DEFAULT_PLAN ${this.config.DEFAULT_PLAN} seeded?)`);
    return created;
  }

  private async lockWithJobOwner(userId: string, jobId: string | undefined, tx: Tx): Promise<(SubscriptionWithPlan & { jobOwner?: string }) | undefined> {
    if (jobId === undefined) return this.lock(userId, tx);
    const row = await one(tx, `${this.selectWithJobOwner} WHERE s.user_id = $1 FOR UPDATE OF s`, [userId, jobId]);
    const found = this.withPlan(row);
    return found && { ...found, ...(row!['job.owner'] ? { jobOwner: String(row!['job.owner']) } : {}) };
  }

  /**
   * Takes the quota locks of many users (their subscription rows, in user id order so that two
   * batches never deadlock). Users without a subscription are not given one: their events hold no
   * reservation to serialise with, and a deleted account's late request counts must not bring its
   * subscription back (the ledger keeps the bare user id; nothing else remains).
   */
  async lockMany(userIds: string[], tx: Tx): Promise<void> {
    const ids = [...new Set(userIds)].sort();
    if (!ids.length) return;
    await query(tx, 'SELECT user_id FROM subscriptions WHERE user_id = ANY($1::uuid[]) ORDER BY user_id FOR UPDATE', [ids]);
  }

  async get(userId: string, tx: Tx = this.db.tx): Promise<SubscriptionWithPlan | undefined> {
    return this.withPlan(await one(tx, `${this.select} WHERE s.user_id = $1`, [userId]));
  }

  /** Many users' subscriptions in one read (no lock); users without one are missing from the map. */
  async getMany(userIds: string[], tx: Tx = this.db.tx): Promise<Map<string, SubscriptionWithPlan>> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return new Map();
    const rows = await query(tx, `${this.select} WHERE s.user_id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => this.withPlan(r)!).map((sp) => [sp.subscription.userId, sp]));
  }

  /**
   * The subscription linked to a Stripe customer, locked. Not scoped by user: a Stripe webhook
   * names the customer, not our user, and the customer id (unique) is how we find the owner.
   */
  async lockByStripeCustomer(customerId: string, tx: Tx): Promise<SubscriptionWithPlan | undefined> {
    return this.withPlan(await one(tx, `${this.select} WHERE s.stripe_customer_id = $1 FOR UPDATE OF s`, [customerId]));
  }

  async freeSlot(userId: string, tx: Tx = this.db.tx): Promise<void> {
    await execute(tx, 'UPDATE subscriptions SET active_jobs = active_jobs - 1 WHERE user_id = $1 AND active_jobs > 0', [userId]);
  }

  async setPlan(
    userId: string,
    planId: string,
    fields: Partial<{
      status: string;
      periodStart: Date;
      periodEnd: Date;
      stripeCustomerId: string | null;
      stripeSubscriptionId: string | null;
      stripeEventAt: Date;
    }> = {},
    tx: Tx = this.db.tx,
  ): Promise<void> {
    await execute(
      tx,
      `UPDATE subscriptions SET plan_id = $2,
         status = COALESCE($3, status),
         current_period_start = COALESCE($4, current_period_start),
         current_period_end = COALESCE($5, current_period_end),
         stripe_customer_id = CASE WHEN $6::boolean THEN $7 ELSE stripe_customer_id END,
         stripe_subscription_id = CASE WHEN $8::boolean THEN $9 ELSE stripe_subscription_id END,
         stripe_event_at = COALESCE($10, stripe_event_at),
         past_due_since = CASE WHEN COALESCE($3, status) = 'past_due' THEN COALESCE(past_due_since, $10::timestamptz, now()) ELSE NULL END,
         updated_at = now()
       WHERE user_id = $1`,
      [
        userId,
        planId,
        fields.status ?? null,
        fields.periodStart ?? null,
        fields.periodEnd ?? null,
        fields.stripeCustomerId !== undefined,
        fields.stripeCustomerId ?? null,
        fields.stripeSubscriptionId !== undefined,
        fields.stripeSubscriptionId ?? null,
        fields.stripeEventAt ?? null,
      ],
    );
  }

  /** Deletes the user's subscription (account deletion); returns how many rows went (0 or 1). */
  async deleteForUser(userId: string, tx: Tx = this.db.tx): Promise<number> {
    return (await query(tx, 'DELETE FROM subscriptions WHERE user_id = $1 RETURNING id', [userId])).length;
  }

  /** Remembers the user's Stripe customer unless one is linked already (a concurrent call keeps the first). */
  async linkStripeCustomer(userId: string, customerId: string, tx: Tx = this.db.tx): Promise<void> {
    await execute(tx, 'UPDATE subscriptions SET stripe_customer_id = $2, updated_at = now() WHERE user_id = $1 AND stripe_customer_id IS NULL', [
      userId,
      customerId,
    ]);
  }

  async setOverrides(userId: string, overrides: LimitOverrides, tx: Tx = this.db.tx): Promise<void> {
    await execute(tx, 'UPDATE subscriptions SET limit_overrides = $2::jsonb, updated_at = now() WHERE user_id = $1', [userId, JSON.stringify(overrides)]);
  }
}
