import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import Stripe from 'stripe';
import { AppError, type RpcReply } from '@clipyard/contracts';
import { ROOT_LOGGER } from '@clipyard/observability';
import { Database, type Tx } from '@clipyard/database';
import { Clock } from '../common/clock';
import { monthBounds, monthOf } from '../common/month';
import { BILLING_CONFIG, type BillingConfig } from '../config';
import { PlansRepository } from '../plans/plans.repository';
import { StripeEventsRepository } from './stripe-events.repository';
import { SubscriptionsRepository, type SubscriptionRecord } from '../subscriptions/subscriptions.repository';

const HANDLED = new Set(['customer.subscription.created', 'customer.subscription.updated', 'customer.subscription.deleted']);
const STATUS: Record<string, 'active' | 'trialing' | 'past_due' | 'canceled'> = {
  active: 'active',
  trialing: 'trialing',
  past_due: 'past_due',
  unpaid: 'past_due',
  incomplete: 'past_due',
  paused: 'past_due',
  canceled: 'canceled',
  incomplete_expired: 'canceled',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Outcome = 'applied' | 'ignored' | 'unlinked' | 'unknown_price' | 'stale';

/**
 * Stripe webhooks: the signature is checked on the raw body with the official library, each event
 * id is applied at most once (`stripe_events`), and `customer.subscription.*` sets the user's plan
 * and period. Users are linked by `stripe_customer_id`, or on first sight by the subscription's
 * `metadata.user_id`. No call goes to Stripe's API.
 */
@Injectable()
export class StripeService {
  private readonly stripe: Stripe;
  private readonly priceToPlan: Map<string, string>;

  constructor(
    private readonly db: Database,
    private readonly subs: SubscriptionsRepository,
    private readonly events: StripeEventsRepository,
    private readonly plans: PlansRepository,
    private readonly clock: Clock,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    // The key is only used for API calls, which webhook handling never makes.
    this.stripe = new Stripe(config.STRIPE_SECRET_KEY ?? 'sk_test_unused', { telemetry: false, maxNetworkRetries: 0 });
    this.priceToPlan = new Map(
      [
        [config.STRIPE_PRICE_PRO, 'pro'],
        [config.STRIPE_PRICE_PREMIUM, 'premium'],
      ].filter((e): e is [string, string] => !!e[0]),
    );
  }

  async handleWebhook(payload: string, signature: string): Promise<RpcReply<'stripe.webhook'>> {
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(payload, signature, this.config.STRIPE_WEBHOOK_SECRET, this.config.STRIPE_WEBHOOK_TOLERANCE_S);
    } catch {
      throw new AppError('STRIPE_SIGNATURE_INVALID', 'The Stripe-Signature header does not match the payload');
    }
    return this.db.transaction(async (tx) => {
      if (!(await this.events.claim(event, tx))) return { eventId: event.id, type: event.type, duplicate: true, applied: false };
      const { outcome, userId } = HANDLED.has(event.type) ? await this.applySubscription(event, tx) : { outcome: 'ignored' as Outcome, userId: null };
      await this.events.setOutcome(event.id, outcome, userId, tx);
      if (outcome !== 'applied' && outcome !== 'ignored') {
        this.logger.warn({ eventId: event.id, type: event.type, outcome }, 'stripe event not applied');
      }
      return { eventId: event.id, type: event.type, duplicate: false, applied: outcome === 'applied' };
    });
  }

  private async applySubscription(event: Stripe.Event, tx: Tx): Promise<{ outcome: Outcome; userId: string | null }> {
    const sub = event.data.object as Stripe.Subscription & { current_period_start?: number; current_period_end?: number };
    const customerId = typeof sub.customer === 'string' ? sub.customer : sub.customer.id;
    let row: SubscriptionRecord | undefined = (await this.subs.lockByStripeCustomer(customerId, tx))?.subscription;
    const linkTo = sub.metadata?.user_id ?? sub.metadata?.clipyard_user_id;
    if (!row && linkTo && UUID.test(linkTo)) {
      await this.subs.ensure(linkTo, { now: this.clock.now() }, tx);
      row = (await this.subs.lock(linkTo, tx))?.subscription;
    }
    if (!row) return { outcome: 'unlinked', userId: null };
    const eventAt = new Date(event.created * 1000);
    if (row.stripeEventAt && new Date(row.stripeEventAt) > eventAt) return { outcome: 'stale', userId: row.userId };

    // Deleted, or canceled (Stripe cancels at the period's end): back to the default plan.
    const deleted = event.type === 'customer.subscription.deleted' || STATUS[sub.status] === 'canceled';
    const item = sub.items?.data?.[0] as (Stripe.SubscriptionItem & { current_period_start?: number; current_period_end?: number }) | undefined;
    const planCode = deleted ? this.config.DEFAULT_PLAN : this.planFor(item?.price);
    const plan = planCode ? await this.plans.byCode(planCode, tx) : undefined;
    if (!plan) return { outcome: 'unknown_price', userId: row.userId };
    const month = monthBounds(monthOf(this.clock.now()));
    const start = deleted ? month.start.getTime() / 1000 : (sub.current_period_start ?? item?.current_period_start);
    const end = deleted ? month.end.getTime() / 1000 : (sub.current_period_end ?? item?.current_period_end);
    await this.subs.setPlan(
      row.userId,
      plan.id,
      {
        status: deleted ? 'active' : (STATUS[sub.status] ?? 'active'),
        ...(start && end && end > start ? { periodStart: new Date(start * 1000), periodEnd: new Date(end * 1000) } : {}),
        stripeCustomerId: customerId,
        stripeSubscriptionId: deleted ? null : sub.id,
        stripeEventAt: eventAt,
      },
      tx,
    );
    this.logger.info({ userId: row.userId, plan: plan.code, eventId: event.id, type: event.type }, 'plan changed by stripe');
    return { outcome: 'applied', userId: row.userId };
  }

  private planFor(price: Stripe.Price | undefined): string | undefined {
    if (!price) return undefined;
    return this.priceToPlan.get(price.id) ?? price.lookup_key ?? undefined;
  }
}
