import { randomBytes, randomUUID } from 'node:crypto';
import { commonSchema, loadConfig } from '@clipyard/config';
import Stripe from 'stripe';
import { RpcClient } from '@clipyard/queue';
import { startSystem, type System } from './harness';

const SECRET = 'whsec_e2e_0123456789abcdefghijklmnopqrstuv';
const stripe = new Stripe('sk_test_unused', { telemetry: false });
const now = () => Math.floor(Date.now() / 1000);

function subscriptionEvent(type: string, o: { userId: string; customer: string; price: string; created?: number; status?: string; cancelAtPeriodEnd?: boolean }) {
  return JSON.stringify({
    id: `evt_${randomBytes(8).toString('hex')}`,
    object: 'event',
    type,
    created: o.created ?? now(),
    data: {
      object: {
        id: `sub_${o.customer}`,
        object: 'subscription',
        customer: o.customer,
        status: o.status ?? (type.endsWith('deleted') ? 'canceled' : 'active'),
        cancel_at_period_end: o.cancelAtPeriodEnd ?? false,
        metadata: { user_id: o.userId },
        items: {
          object: 'list',
          data: [{ id: 'si_1', price: { id: o.price, lookup_key: null }, current_period_start: now() - 60, current_period_end: now() + 30 * 86400 }],
        },
      },
    },
  });
}

describe('Stripe webhook (e2e)', () => {
  let sys: System;
  let rpc: RpcClient;
  beforeAll(async () => {
    sys = await startSystem({ apps: ['auth', 'billing', 'gateway'], env: { STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_PRICE_PRO: 'price_pro_e2e', STRIPE_PRICE_PREMIUM: 'price_premium_e2e' } });
    rpc = new RpcClient({ url: sys.env.REDIS_URL!, prefix: sys.env.REDIS_PREFIX! }, loadConfig(commonSchema, sys.env).RPC_SECRET, 5000);
  });
  afterAll(async () => {
    await rpc.close();
    await sys.stop();
  });

  const deliver = (payload: string, secret = SECRET) =>
    sys.request('POST', '/v1/billing/stripe/webhook', {
      body: payload,
      headers: { 'content-type': 'application/json', 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret }) },
    });
  const plan = async (userId: string) => (await rpc.call('subscription.get', { userId })).plan;

  it('refuses a bad signature with 400 and changes nothing', async () => {
    const userId = randomUUID();
    const payload = subscriptionEvent('customer.subscription.created', { userId, customer: `cus_${randomBytes(4).toString('hex')}`, price: 'price_pro_e2e' });
    const forged = await deliver(payload, 'whsec_not_the_secret_0123456789abcdef');
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('STRIPE_SIGNATURE_INVALID');
    // Signed, then tampered with after signing.
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const tampered = await sys.request('POST', '/v1/billing/stripe/webhook', {
      body: payload.replace('price_pro_e2e', 'price_premium_e2e'),
      headers: { 'content-type': 'application/json', 'stripe-signature': header },
    });
    expect(tampered.status).toBe(400);
    const unsigned = await sys.request('POST', '/v1/billing/stripe/webhook', { body: payload });
    expect(unsigned.status).toBe(400);
    expect(await plan(userId)).toBe('free');
  });

  it('applies a valid event once even when delivered three times', async () => {
    const userId = randomUUID();
    const customer = `cus_${randomBytes(4).toString('hex')}`;
    const payload = subscriptionEvent('customer.subscription.created', { userId, customer, price: 'price_pro_e2e' });
    const first = await deliver(payload);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: true, duplicate: false });
    expect(await plan(userId)).toBe('pro');
    // An admin moves the user meanwhile; replays of the old event must not undo it.
    await rpc.call('admin.setPlan', { userId, plan: 'premium' });
    for (let i = 0; i < 2; i++) {
      const again = await deliver(payload);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ received: true, duplicate: true });
    }
    expect(await plan(userId)).toBe('premium');
    const sub = await rpc.call('subscription.get', { userId });
    expect(sub.status).toBe('active');

    // An older event arriving late (out of order) does not undo a newer one.
    const stale = await deliver(subscriptionEvent('customer.subscription.updated', { userId, customer, price: 'price_pro_e2e', created: now() - 3600 }));
    expect(stale.status).toBe(200);
    expect(await plan(userId)).toBe('premium');

    // Cancelling the Stripe subscription (found by customer id now) returns the user to free.
    const deleted = await deliver(subscriptionEvent('customer.subscription.deleted', { userId: randomUUID(), customer, price: 'price_pro_e2e', created: now() + 1 }));
    expect(deleted.status).toBe(200);
    expect(await plan(userId)).toBe('free');
  });

  it('past_due keeps the paid plan for PAST_DUE_GRACE_DAYS (7), then counts as free; paying again restores it', async () => {
    const day = 86_400;
    const within = { userId: randomUUID(), customer: `cus_${randomBytes(4).toString('hex')}`, price: 'price_pro_e2e' };
    expect((await deliver(subscriptionEvent('customer.subscription.created', { ...within, created: now() - 3 * day }))).status).toBe(200);
    expect((await deliver(subscriptionEvent('customer.subscription.updated', { ...within, status: 'past_due', created: now() - 2 * day }))).status).toBe(200);
    expect(await rpc.call('subscription.get', { userId: within.userId })).toMatchObject({ plan: 'pro', status: 'past_due' });

    const over = { userId: randomUUID(), customer: `cus_${randomBytes(4).toString('hex')}`, price: 'price_pro_e2e' };
    await deliver(subscriptionEvent('customer.subscription.created', { ...over, created: now() - 10 * day }));
    await deliver(subscriptionEvent('customer.subscription.updated', { ...over, status: 'past_due', created: now() - 8 * day }));
    // Still past_due a day later (Stripe retries the card): the grace counts from when it started.
    await deliver(subscriptionEvent('customer.subscription.updated', { ...over, status: 'past_due', created: now() - 7 * day + 60 }));
    const lapsed = await rpc.call('subscription.get', { userId: over.userId });
    expect(lapsed).toMatchObject({ plan: 'free', status: 'past_due' });
    expect(lapsed.features).not.toContain('transcribe');
    await deliver(subscriptionEvent('customer.subscription.updated', { ...over, status: 'active' }));
    expect(await rpc.call('subscription.get', { userId: over.userId })).toMatchObject({ plan: 'pro', status: 'active' });
  });

  it('canceled at the period end falls back to free: pro until then, free once Stripe cancels', async () => {
    const o = { userId: randomUUID(), customer: `cus_${randomBytes(4).toString('hex')}`, price: 'price_premium_e2e' };
    await deliver(subscriptionEvent('customer.subscription.created', { ...o, created: now() - 60 }));
    await deliver(subscriptionEvent('customer.subscription.updated', { ...o, cancelAtPeriodEnd: true, created: now() - 30 }));
    expect(await plan(o.userId)).toBe('premium');
    await deliver(subscriptionEvent('customer.subscription.updated', { ...o, status: 'canceled', created: now() - 10 }));
    expect(await plan(o.userId)).toBe('free');
  });

});
