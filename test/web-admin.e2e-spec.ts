import { randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { RpcClient } from '@clipyard/queue';
import { startSystem, type System } from './harness';
import { startFakeOpenAI, type FakeOpenAI } from './fakes/openai-server';
import { a11yProblems, fitsWidth, launchBrowser, watchPageErrors } from './helpers/browser';
import { makeAdmin, signUp, type TestUser } from './helpers/users';

jest.setTimeout(240_000);

const SHOTS = process.env.DASHBOARD_SCREENSHOTS;

/**
 * Provider key "test" (one cheap call from a media worker, with the key opened there only) and the
 * admin page (find a user, plan, limit overrides, deactivate and reactivate, usage overview, the
 * queue dashboard link), in Chromium against the real system.
 */
describe('web dashboard: provider key test and admin in Chromium (e2e)', () => {
  const KEY = `sk-web-${randomBytes(18).toString('hex')}`;
  let fake: FakeOpenAI;
  let sys: System;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let errors: string[];
  let admin: TestUser;
  let bob: TestUser;
  const problems: string[] = [];

  const shot = async (p: Page, name: string) => {
    if (SHOTS) await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
  };
  const checkA11y = async (p: Page) => problems.push(...(await a11yProblems(p)));
  const h1 = (p: Page, name: string) => p.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
  const go = async (p: Page, link: string, heading: string) => {
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
    await h1(p, heading);
  };
  const signIn = async (p: Page, u: TestUser) => {
    await p.goto('/signin');
    await p.getByLabel('Email or username').fill(u.email);
    await p.getByLabel('Password').fill(u.password);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await h1(p, 'Overview');
  };

  beforeAll(async () => {
    fake = await startFakeOpenAI({ expectedKey: KEY });
    sys = await startSystem({ env: { ALLOW_PRIVATE_URLS: 'true' } });
    admin = await signUp(sys);
    await makeAdmin(sys, admin.userId);
    bob = await signUp(sys);
    browser = await launchBrowser();
    ctx = await browser.newContext({ baseURL: sys.baseUrl, viewport: { width: 1280, height: 860 } });
    page = await ctx.newPage();
    errors = watchPageErrors(page);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
    await fake?.close();
  });

  it('tests a provider key through the worker: works, then a wrong key is rejected and shown on the key', async () => {
    // the route by itself: no stored key → 404; it never answers with the key
    const none = await sys.post('/v1/provider-keys/anthropic/test', {}, { apiKey: bob.apiKey });
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('PROVIDER_KEY_NOT_FOUND');

    await signIn(page, admin);
    await go(page, 'Provider keys', 'Provider keys');
    await page.getByLabel('API key').fill(KEY);
    await page.getByLabel('Base URL (optional)').fill(fake.url);
    await page.getByRole('button', { name: 'Save key' }).click();
    await page.getByText(`••••${KEY.slice(-4)}`).waitFor();
    const before = fake.requests.length;
    await page.getByRole('button', { name: 'Test the openai key' }).click();
    await page.getByRole('status').filter({ hasText: 'The key works' }).waitFor({ timeout: 30_000 });
    // one call, authenticated with the real key, to the cheap endpoint
    const calls = fake.requests.slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ path: '/v1/models', authorized: true, status: 200 });
    await checkA11y(page);
    await shot(page, 'provider-keys');

    const wrong = `sk-wrong-${randomBytes(12).toString('hex')}`;
    await page.getByLabel('API key').fill(wrong);
    await page.getByLabel('Base URL (optional)').fill(fake.url);
    await page.getByRole('button', { name: 'Save key' }).click();
    await page.getByText(`••••${wrong.slice(-4)}`).waitFor();
    await page.getByRole('button', { name: 'Test the openai key' }).click();
    await page.getByRole('alert').filter({ hasText: 'PROVIDER_KEY_REJECTED' }).first().waitFor({ timeout: 30_000 });
    // the rejection is recorded on the key (as a failed job would), and shown after the reload
    await page.getByText(/^PROVIDER_KEY_REJECTED: /).waitFor();
    expect(await page.content()).not.toContain(wrong);
    expect(sys.logs.join('\n')).not.toContain(KEY);
    expect(sys.logs.join('\n')).not.toContain(wrong);
    await checkA11y(page);

    // the right key again, with an error on record (as a failed job leaves it): a working test clears it
    await page.getByLabel('API key').fill(KEY);
    await page.getByLabel('Base URL (optional)').fill(fake.url);
    await page.getByRole('button', { name: 'Save key' }).click();
    await page.getByText(`••••${KEY.slice(-4)}`).waitFor();
    await sys.apps.gateway!.get(RpcClient).call('auth.providerKey.reportError', { userId: admin.userId, provider: 'openai', error: 'PROVIDER_KEY_REJECTED: earlier' });
    await page.reload();
    await page.getByText('PROVIDER_KEY_REJECTED: earlier').waitFor();
    await page.getByRole('button', { name: 'Test the openai key' }).click();
    await page.getByRole('status').filter({ hasText: 'The key works' }).waitFor({ timeout: 30_000 });
    await page.getByText('PROVIDER_KEY_REJECTED: earlier').waitFor({ state: 'detached' });
    expect((await sys.get('/v1/provider-keys', { apiKey: admin.apiKey })).body.data[0]).toMatchObject({ status: 'active', last_error: null });
  });

  it('admin: finds a user, changes the plan and a limit, deactivates and reactivates them', async () => {
    await go(page, 'Admin', 'Admin');
    await page.getByRole('region', { name: 'Usage overview' }).getByText('Users per plan').waitFor();
    expect(await page.getByRole('link', { name: 'Open the queue dashboard' }).getAttribute('href')).toBe('/admin/queues');
    await checkA11y(page);
    const users = page.getByRole('region', { name: 'Users' });
    await users.getByLabel('Find by email, username or id').fill('no-such-person-');
    await users.getByRole('button', { name: 'Find' }).click();
    await users.getByText('No user matches').waitFor();
    await users.getByLabel('Find by email, username or id').fill(bob.email.slice(0, -4));
    await users.getByRole('button', { name: 'Find' }).click();
    await users.getByRole('cell', { name: bob.email, exact: true }).waitFor();
    await users.getByRole('button', { name: `Manage ${bob.email}` }).click();

    const panel = page.getByRole('region', { name: `User ${bob.email}` });
    await panel.getByText(/^free \(/).waitFor();
    await panel.getByLabel('Plan', { exact: true }).selectOption('pro');
    await panel.getByRole('button', { name: 'Save plan' }).click();
    await panel.getByText(/^pro \(/).waitFor();
    await panel.getByLabel('Trims a month').fill('abc');
    await panel.getByRole('button', { name: 'Save limits' }).click();
    await panel.getByRole('alert').first().waitFor(); // the API's validation message
    await panel.getByLabel('Trims a month').fill('7');
    await panel.getByRole('button', { name: 'Save limits' }).click();
    await panel.getByRole('status').filter({ hasText: 'Limits saved.' }).waitFor();
    const sub = await sys.get('/v1/subscription', { apiKey: bob.apiKey });
    expect(sub.body).toMatchObject({ plan: 'pro', limits: { trims_per_month: 7 } });
    await checkA11y(page);
    await shot(page, 'admin');

    await panel.getByRole('button', { name: 'Deactivate user' }).click();
    await panel.getByRole('button', { name: 'Reactivate user' }).waitFor();
    expect((await sys.get('/v1/jobs', { apiKey: bob.apiKey })).body.error.code).toBe('ACCOUNT_DISABLED');
    await panel.getByRole('button', { name: 'Reactivate user' }).click();
    await panel.getByRole('button', { name: 'Deactivate user' }).waitFor();
    expect((await sys.get('/v1/jobs', { apiKey: bob.apiKey })).status).toBe(200);
    // the admin's reads and writes are in bob's audit trail
    const audit = await sys.get('/v1/audit-events?limit=50', { apiKey: bob.apiKey });
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['user.deactivated', 'user.reactivated', 'admin.write']));
    await page.setViewportSize({ width: 375, height: 740 });
    // what sticks out, if anything (an empty list is a page that fits)
    const wide = await page.evaluate(() => {
      const g = globalThis as any;
      return [...g.document.querySelectorAll('main *')]
        .filter((e: any) => e.getBoundingClientRect().right > g.innerWidth + 1 && !e.closest('.table-wrap')) // tables scroll in their box
        .map((e: any) => `${e.tagName.toLowerCase()}.${e.className} ${(e.textContent ?? '').slice(0, 30)} ${Math.round(e.getBoundingClientRect().right)}px`)
        .slice(0, 5);
    });
    expect(wide).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('is not there for a user who is not an admin', async () => {
    const other = await browser.newContext({ baseURL: sys.baseUrl });
    try {
      const p = await other.newPage();
      await signIn(p, bob);
      expect(await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0);
      await p.goto('/admin');
      await h1(p, 'Page not found');
      // (bob's earlier access token ended with the deactivation; his API key is refused for want of the role)
      expect((await sys.get('/v1/admin/users', { apiKey: bob.apiKey })).status).toBe(403);
    } finally {
      await other.close();
    }
    expect(errors).toEqual([]);
  });

  it('asks for the second factor when two-factor sign-in is on', async () => {
    const carol = await signUp(sys);
    const start = await sys.post('/v1/auth/mfa/totp', {}, { token: carol.accessToken });
    const stepNow = () => Math.floor(Date.now() / 30_000);
    const codeAt = (step: number) => authenticator.clone({ epoch: step * 30_000 }).generate(start.body.secret);
    const first = stepNow();
    expect((await sys.post('/v1/auth/mfa/totp/verify', { code: codeAt(first) }, { token: carol.accessToken })).status).toBe(200);
    const other = await browser.newContext({ baseURL: sys.baseUrl });
    try {
      const p = await other.newPage();
      await p.goto('/signin');
      await p.getByLabel('Email or username').fill(carol.email);
      await p.getByLabel('Password').fill(carol.password);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await h1(p, 'Two-factor sign-in');
      const field = p.getByLabel('Code from your authenticator app, or a recovery code');
      await field.fill(codeAt(first) === '000000' ? '111111' : '000000');
      await p.getByRole('button', { name: 'Verify and sign in' }).click();
      await p.getByRole('alert').first().waitFor(); // the API's refusal
      await checkA11y(p);
      // the next step's code (the verify spent this one; the API accepts one step ahead)
      await field.fill(codeAt(Math.max(stepNow(), first + 1)));
      await p.getByRole('button', { name: 'Verify and sign in' }).click();
      await h1(p, 'Overview');
    } finally {
      await other.close();
    }
  });

  it('has no serious or critical accessibility violation on any page visited', () => {
    expect(problems).toEqual([]);
  });
});
