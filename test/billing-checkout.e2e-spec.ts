/**
 * Self-serve upgrade through the official `stripe` client, pointed (host/port/protocol) at a local
 * stand-in for Stripe's API that checks what it is sent.
 */
import { startSystem, type System } from './harness';
import { startStripeStandIn, type StripeStandIn } from './fakes/stripe-server';
import { signUp } from './helpers/users';

describe('billing: Stripe Checkout and Customer Portal (e2e)', () => {
  let sys: System;
  let stripe: StripeStandIn;

  beforeAll(async () => {
    stripe = await startStripeStandIn();
    sys = await startSystem({
      apps: ['auth', 'billing', 'gateway'],
      env: {
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_API_HOST: stripe.host,
        STRIPE_API_PORT: String(stripe.port),
        STRIPE_API_PROTOCOL: 'http',
        STRIPE_PRICE_PRO: 'price_pro_test',
        STRIPE_PRICE_PREMIUM: 'price_premium_test',
      },
    });
  }, 180_000);
  afterAll(async () => {
    await sys?.stop();
    await stripe?.close();
  });

  it('returns a Checkout URL for a paid plan, creating the Stripe customer once', async () => {
    const u = await signUp(sys);
    stripe.requests.length = 0;
    const res = await sys.post('/v1/billing/checkout', { plan: 'pro' }, { apiKey: u.apiKey });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ url: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/), session_id: expect.stringMatching(/^cs_test_/) });
    const [customer, session] = stripe.requests;
    expect(customer).toMatchObject({ method: 'POST', path: '/v1/customers', form: { email: u.email, 'metadata[user_id]': u.userId } });
    expect(session.path).toBe('/v1/checkout/sessions');
    expect(session.form).toMatchObject({
      mode: 'subscription',
      client_reference_id: u.userId,
      'line_items[0][price]': 'price_pro_test',
      'line_items[0][quantity]': '1',
      'subscription_data[metadata][user_id]': u.userId,
      customer: [...stripe.customers.keys()].find((id) => stripe.customers.get(id)?.email === u.email),
    });
    expect(session.form.success_url).toMatch(/^https?:\/\/[^/]+\/usage\?checkout=success$/); // PUBLIC_BASE_URL's
    expect(session.headers['user-agent']).toMatch(/^Stripe\/v1 NodeBindings/);

    // Again: the same customer, no second one.
    stripe.requests.length = 0;
    const again = await sys.post('/v1/billing/checkout', { plan: 'premium' }, { apiKey: u.apiKey });
    expect(again.status).toBe(200);
    expect(stripe.requests.map((r) => r.path)).toEqual(['/v1/checkout/sessions']);
    expect(stripe.requests[0].form['line_items[0][price]']).toBe('price_premium_test');
    expect(stripe.requests[0].form.customer).toBe(session.form.customer);
  });

  it('returns a Customer Portal URL for the same customer', async () => {
    const u = await signUp(sys);
    await sys.post('/v1/billing/checkout', { plan: 'pro' }, { apiKey: u.apiKey });
    const customer = stripe.requests.find((r) => r.path === '/v1/customers' && r.form['metadata[user_id]'] === u.userId);
    stripe.requests.length = 0;
    const res = await sys.post('/v1/billing/portal', undefined, { apiKey: u.apiKey });
    expect(res.status).toBe(200);
    expect(res.body.url).toMatch(/^https:\/\/billing\.stripe\.com\/p\/session\/bps_/);
    expect(stripe.requests).toHaveLength(1);
    expect(stripe.requests[0]).toMatchObject({ path: '/v1/billing_portal/sessions', form: { return_url: expect.stringMatching(/^https?:\/\/[^/]+\/usage$/) } });
    expect(stripe.customers.has(stripe.requests[0].form.customer)).toBe(true);
    expect(customer).toBeDefined();
  });

  it('refuses a plan that is not for sale (422, naming the field), and needs account:write', async () => {
    const u = await signUp(sys);
    const free = await sys.post('/v1/billing/checkout', { plan: 'free' }, { apiKey: u.apiKey });
    expect([free.status, free.body.error?.code]).toEqual([422, 'VALIDATION_FAILED']);
    expect(JSON.stringify(free.body.error.details)).toContain('plan');
    const ro = (await sys.post('/v1/api-keys', { name: 'ro', scopes: ['usage:read'] }, { apiKey: u.apiKey })).body.key;
    const denied = await sys.post('/v1/billing/checkout', { plan: 'pro' }, { apiKey: ro });
    expect([denied.status, denied.body.error?.code]).toEqual([403, 'INSUFFICIENT_SCOPE']);
  });
});

describe('billing checkout without Stripe configured', () => {
  it('answers 503 STRIPE_NOT_CONFIGURED', async () => {
    const sys = await startSystem({ apps: ['auth', 'billing', 'gateway'], env: { STRIPE_SECRET_KEY: '' } });
    try {
      const u = await signUp(sys);
      const res = await sys.post('/v1/billing/checkout', { plan: 'pro' }, { apiKey: u.apiKey });
      expect([res.status, res.body.error?.code]).toEqual([503, 'STRIPE_NOT_CONFIGURED']);
    } finally {
      await sys.stop();
    }
  }, 180_000);
});
