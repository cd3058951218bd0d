import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { AppError } from '@clipyard/contracts';
import { Clock } from '../common/clock';
import { BILLING_CONFIG, type BillingConfig } from '../config';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';

/** The official Stripe client for API calls; STRIPE_API_HOST/PORT/PROTOCOL point it elsewhere (a test stand-in). */
export function stripeApiClient(config: BillingConfig): Stripe | null {
  if (!config.STRIPE_SECRET_KEY) return null;
  return new Stripe(config.STRIPE_SECRET_KEY, {
    telemetry: false,
    maxNetworkRetries: 2,
    timeout: config.STRIPE_API_TIMEOUT_MS,
    ...(config.STRIPE_API_HOST ? { host: config.STRIPE_API_HOST } : {}),
    ...(config.STRIPE_API_PORT ? { port: config.STRIPE_API_PORT } : {}),
    ...(config.STRIPE_API_PROTOCOL ? { protocol: config.STRIPE_API_PROTOCOL } : {}),
  });
}

const notConfigured = () => new AppError('STRIPE_NOT_CONFIGURED', 'Self-serve billing is not configured on this server (STRIPE_SECRET_KEY)');

/**
 * Self-serve upgrades through Stripe: a Checkout Session for a paid plan's price, and a Customer
 * Portal session to manage or cancel. The user's Stripe customer is created on first use (with
 * `metadata.user_id`, and an idempotency key per user so racing calls make one) and remembered;
 * plan changes themselves arrive later as signed webhooks.
 */
@Injectable()
export class StripeCheckoutService {
  private readonly stripe: Stripe | null;

  constructor(
    private readonly subs: SubscriptionsRepository,
    private readonly clock: Clock,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
  ) {
    this.stripe = stripeApiClient(config);
  }

  async checkout(p: { userId: string; email?: string; plan: string; successUrl: string; cancelUrl: string }): Promise<{ url: string; id: string }> {
    const stripe = this.client();
    const price = this.priceOf(p.plan);
    const customer = await this.customer(stripe, p.userId, p.email);
    const session = await this.call(() =>
      stripe.checkout.sessions.create(
        {
          mode: 'subscription',
          customer,
          client_reference_id: p.userId,
          line_items: [{ price, quantity: 1 }],
          subscription_data: { metadata: { user_id: p.userId } },
          metadata: { user_id: p.userId, plan: p.plan },
          success_url: p.successUrl,
          cancel_url: p.cancelUrl,
        },
        { idempotencyKey: `checkout-${randomUUID()}` },
      ),
    );
    if (!session.url) throw new AppError('UPSTREAM_UNAVAILABLE', 'Stripe returned a Checkout Session without a URL');
    return { url: session.url, id: session.id };
  }

  async portal(p: { userId: string; email?: string; returnUrl: string }): Promise<{ url: string; id: string }> {
    const stripe = this.client();
    const customer = await this.customer(stripe, p.userId, p.email);
    const session = await this.call(() =>
      stripe.billingPortal.sessions.create({ customer, return_url: p.returnUrl }, { idempotencyKey: `portal-${randomUUID()}` }),
    );
    return { url: session.url, id: session.id };
  }

  private client(): Stripe {
    if (!this.stripe) throw notConfigured();
    return this.stripe;
  }

  private priceOf(plan: string): string {
    const price = { pro: this.config.STRIPE_PRICE_PRO, premium: this.config.STRIPE_PRICE_PREMIUM }[plan];
    if (!price) {
      throw new AppError('PLAN_NOT_PURCHASABLE', `The plan ${plan} cannot be bought here`, {
        issues: [{ path: 'plan', message: 'must be a paid plan with a Stripe price (pro, premium)' }],
      });
    }
    return price;
  }

  /** The user's Stripe customer id, creating (and remembering) the customer on first use. */
  private async customer(stripe: Stripe, userId: string, email?: string): Promise<string> {
    await this.subs.ensure(userId, { now: this.clock.now() });
    const existing = (await this.subs.get(userId))?.subscription.stripeCustomerId;
    if (existing) return existing;
    const created = await this.call(() =>
      stripe.customers.create({ ...(email ? { email } : {}), metadata: { user_id: userId } }, { idempotencyKey: `customer-${userId}` }),
    );
    // A concurrent call may have linked one first: keep the first.
    await this.subs.linkStripeCustomer(userId, created.id);
    return (await this.subs.get(userId))?.subscription.stripeCustomerId ?? created.id;
  }

  /** Stripe errors become ours: its connection trouble → 503, a refused request → 502 with Stripe's message. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof Stripe.errors.StripeConnectionError || err instanceof Stripe.errors.StripeAPIError || err instanceof Stripe.errors.StripeRateLimitError) {
        throw new AppError('UPSTREAM_UNAVAILABLE', 'Stripe is not answering; try again shortly', { service: 'stripe' });
      }
      if (err instanceof Stripe.errors.StripeError) {
        throw new AppError('STRIPE_REQUEST_FAILED', `Stripe refused the request: ${err.message}`, { type: err.type });
      }
      throw err;
    }
  }
}
