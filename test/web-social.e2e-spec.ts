import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSystem, uniqueEmail, type System } from './harness';
import { a11yProblems, fitsWidth, launchBrowser, watchPageErrors } from './helpers/browser';
import { startOidcProvider, type LocalOidcProvider } from './helpers/oidc';
import { freePort } from './helpers/own-services';
import { linkOf, startSmtp, type SmtpStandIn } from './helpers/smtp';
import { strongPassword } from './helpers/users';

jest.setTimeout(240_000);

/** Where to write README screenshots (`DASHBOARD_SCREENSHOTS=docs/screenshots npm test -- web-social`). */
const SHOTS = process.env.DASHBOARD_SCREENSHOTS;

/**
 * Social sign-in and two-factor in Chromium, against the real local OpenID Connect provider:
 * Google's built-in provider (its issuer pointed at the local provider, as only outside production)
 * and a named OIDC provider, as buttons on the sign-in page; the callback page's code exchange into
 * a cookie session; ACCOUNT_EXISTS shown, then linking from Account; two-factor set up in Account
 * and asked for after a password, a provider and a magic-link sign-in; turned off again.
 */
describe('web dashboard: social sign-in and two-factor in Chromium (e2e, real local OIDC provider)', () => {
  let op: LocalOidcProvider;
  let smtp: SmtpStandIn;
  let sys: System;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let errors: string[];
  const problems: string[] = [];
  const ada = { sub: `g-${randomBytes(6).toString('hex')}`, email: uniqueEmail('websocial'), email_verified: true, name: 'Ada Lovelace' };
  const bea = { email: uniqueEmail('webexists'), password: strongPassword() };
  /** Bea's account at the corp provider (refused at first, then linked from her account). */
  const beaCorp = { sub: `c-${randomBytes(6).toString('hex')}`, email: bea.email, email_verified: true };
  let totpSecret = '';
  let lastStep = 0;
  let recovery: string[] = [];

  const shot = async (p: Page, name: string) => {
    if (SHOTS) await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
  };
  const checkA11y = async (p: Page) => problems.push(...(await a11yProblems(p)));
  /** Waits for the page's heading; on a timeout, says where the browser is and what it shows. */
  const h1 = (p: Page, name: string | RegExp) =>
    p
      .getByRole('heading', { level: 1, name })
      .waitFor({ timeout: 30_000 })
      .catch(async (e: Error) => {
        throw new Error(`${e.message}\nat ${p.url()}: ${(await p.locator('body').innerText().catch(() => '')).slice(0, 600)}`);
      });
  const go = async (p: Page, link: string, heading: string) => {
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
    await h1(p, heading);
  };
  const signOut = async (p: Page) => {
    await p.getByRole('button', { name: 'Sign out', exact: true }).click();
    await h1(p, 'Sign in');
  };
  /** A code newer than every accepted one (the API accepts one step ahead of the clock). */
  const nextCode = () => {
    const step = Math.max(Math.floor(Date.now() / 30_000), lastStep + 1);
    lastStep = step;
    return authenticator.clone({ epoch: step * 30_000 }).generate(totpSecret);
  };
  /**
   * A fresh person at the provider: its session cookies go (the gateway's cy_* stay; cookies do not
   * differ by port, and both run on 127.0.0.1), then the provider signs in `account`.
   */
  const atProvider = async (account: Parameters<LocalOidcProvider['nextLogin']>[0]) => {
    const keep = (await ctx.cookies()).filter((c) => c.name.startsWith('cy_'));
    await ctx.clearCookies();
    if (keep.length) await ctx.addCookies(keep);
    await op.nextLogin(account);
  };
  const twoFactor = async (p: Page, code: string) => {
    await h1(p, 'Two-factor sign-in');
    await p.getByLabel('Code from your authenticator app, or a recovery code').fill(code);
    await p.getByRole('button', { name: 'Verify and sign in' }).click();
  };

  beforeAll(async () => {
    const opPort = await freePort();
    const gatewayPort = await freePort();
    const gateway = `http://127.0.0.1:${gatewayPort}`;
    const clientId = 'clipyard-web';
    const clientSecret = randomBytes(24).toString('hex');
    op = await startOidcProvider({
      port: opPort,
      clientId,
      clientSecret,
      redirectUris: [`${gateway}/v1/auth/oauth/google/callback`, `${gateway}/v1/auth/oauth/corp/callback`],
    });
    smtp = await startSmtp();
    sys = await startSystem({
      gatewayPort,
      env: {
        PUBLIC_BASE_URL: gateway,
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Clipyard <no-reply@clipyard.test>',
        PUBLIC_URL: gateway,
        OUTBOX_BACKOFF_MS: '200',
        OAUTH_PROVIDERS: 'google,corp',
        OAUTH_GOOGLE_CLIENT_ID: clientId,
        OAUTH_GOOGLE_CLIENT_SECRET: clientSecret,
        OAUTH_GOOGLE_ISSUER: op.issuer, // the built-in provider's issuer, overridable only outside production
        OAUTH_CORP_CLIENT_ID: clientId,
        OAUTH_CORP_CLIENT_SECRET: clientSecret,
        OAUTH_CORP_ISSUER: op.issuer,
        OAUTH_CORP_DISPLAY_NAME: 'Corp SSO',
      },
    });
    browser = await launchBrowser();
    ctx = await browser.newContext({ baseURL: sys.baseUrl, viewport: { width: 1280, height: 860 } });
    page = await ctx.newPage();
    errors = watchPageErrors(page);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
    await op?.stop();
    await smtp?.stop();
  });

  it('lists the configured providers (public endpoint) as buttons; Google signs a new person up into a cookie session', async () => {
    const list = await sys.get('/v1/auth/oauth/providers');
    expect(list.body).toEqual({ data: [{ id: 'google', name: 'Google' }, { id: 'corp', name: 'Corp SSO' }] });

    await page.goto('/signin');
    await h1(page, 'Sign in');
    await page.getByRole('button', { name: 'Continue with Corp SSO' }).waitFor();
    await checkA11y(page);
    await shot(page, 'sign-in');
    await atProvider(ada);
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await h1(page, 'Overview');
    expect(new URL(page.url()).search).toBe(''); // the code left the address bar
    // The refresh token is in the HttpOnly cookie only: a reload resumes the session.
    const cookies = await ctx.cookies();
    expect(cookies.find((c) => c.name === 'cy_refresh')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/v1/auth/refresh' });
    await page.reload();
    await h1(page, 'Overview');
    await go(page, 'Account', 'Account');
    const ids = page.getByRole('region', { name: 'Linked sign-in providers' });
    await ids.getByText(ada.email).waitFor();
    await ids.getByRole('button', { name: 'Unlink Google' }).waitFor();
    await ids.getByRole('button', { name: 'Link Corp SSO' }).waitFor();
    await checkA11y(page);
    await signOut(page);
  });

  it('an existing account with an unverified email: ACCOUNT_EXISTS is explained; signed in, the person links the provider from Account', async () => {
    expect((await sys.post('/v1/auth/register', { email: bea.email, password: bea.password })).status).toBe(201);
    await atProvider(beaCorp);
    await page.getByRole('button', { name: 'Continue with Corp SSO' }).click();
    await h1(page, 'Signing you in');
    await page.getByRole('alert').filter({ hasText: 'ACCOUNT_EXISTS' }).waitFor();
    await page.getByText('then open Account → Linked sign-in providers').waitFor();
    await checkA11y(page);
    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await h1(page, 'Sign in');
    await page.getByLabel('Email or username').fill(bea.email);
    await page.getByLabel('Password').fill(bea.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await h1(page, 'Overview');
    await go(page, 'Account', 'Account');
    await atProvider(beaCorp);
    await page.getByRole('button', { name: 'Link Corp SSO' }).click();
    await h1(page, 'Account');
    const ids = page.getByRole('region', { name: 'Linked sign-in providers' });
    await ids.getByRole('status').filter({ hasText: 'Corp SSO is linked' }).waitFor();
    await ids.getByRole('button', { name: 'Unlink Corp SSO' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    await signOut(page);
  });

  it('two-factor: set up in Account (setup key, first code, 10 recovery codes once), then asked for after a password sign-in', async () => {
    await page.getByLabel('Email or username').fill(bea.email);
    await page.getByLabel('Password').fill(bea.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await h1(page, 'Overview');
    await go(page, 'Account', 'Account');
    const tf = page.getByRole('region', { name: 'Two-factor sign-in' });
    await tf.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await tf.getByRole('img', { name: 'QR code of the setup link' }).waitFor();
    await tf.scrollIntoViewIfNeeded();
    await shot(page, 'two-factor');
    totpSecret = (await tf.getByLabel('Setup key').innerText()).trim();
    expect(totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    await tf.getByText(/^otpauth:\/\/totp\//).waitFor({ state: 'attached' });
    // a wrong code: the API's message next to the field
    await tf.getByLabel('6-digit code from the app').fill('12345');
    await tf.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await tf.getByRole('alert').first().waitFor();
    await checkA11y(page);
    await tf.getByLabel('6-digit code from the app').fill(nextCode());
    await tf.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const list = tf.getByRole('list', { name: 'Recovery codes' });
    await list.waitFor();
    recovery = (await list.getByRole('listitem').allInnerTexts()).map((s) => s.trim());
    expect(recovery).toHaveLength(10);
    await tf.getByRole('button', { name: 'Copy recovery codes' }).waitFor();
    await checkA11y(page);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await fitsWidth(page)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 860 });
    await tf.getByRole('button', { name: 'I have saved them' }).click();
    await tf.getByText('10 recovery code(s) left').waitFor();
    await signOut(page);

    await page.getByLabel('Email or username').fill(bea.email);
    await page.getByLabel('Password').fill(bea.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await twoFactor(page, nextCode());
    await h1(page, 'Overview');
    await signOut(page);
  });

  it('a provider sign-in asks for the second factor too (a recovery code here)', async () => {
    await atProvider(beaCorp);
    await page.getByRole('button', { name: 'Continue with Corp SSO' }).click();
    await twoFactor(page, recovery[0]);
    await h1(page, 'Overview');
    await checkA11y(page);
    await signOut(page);
  });

  it('a magic-link sign-in asks for the second factor too', async () => {
    const after = smtp.messages.length;
    expect((await sys.post('/v1/auth/magic-link', { email: bea.email })).status).toBe(202);
    const mail = await smtp.waitFor((m) => m.to === bea.email && /sign-in link/.test(m.subject) && smtp.messages.indexOf(m) >= after);
    const u = new URL(linkOf(mail).link);
    await page.goto(u.pathname + u.search);
    await h1(page, 'Sign in to Clipyard');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await twoFactor(page, recovery[1]);
    await h1(page, 'Overview');
  });

  it('turns two-factor off with the password; sign-in gives the session at once again', async () => {
    await go(page, 'Account', 'Account');
    const tf = page.getByRole('region', { name: 'Two-factor sign-in' });
    await tf.getByText('8 recovery code(s) left').waitFor();
    await tf.getByLabel('Or your password').fill('not-the-password');
    await tf.getByRole('button', { name: 'Turn off two-factor sign-in' }).click();
    await tf.getByRole('alert').filter({ hasText: 'password' }).first().waitFor();
    await tf.getByLabel('Or your password').fill(bea.password);
    await tf.getByRole('button', { name: 'Turn off two-factor sign-in' }).click();
    await tf.getByRole('button', { name: 'Set up two-factor sign-in' }).waitFor();
    await signOut(page);
    await page.getByLabel('Email or username').fill(bea.email);
    await page.getByLabel('Password').fill(bea.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await h1(page, 'Overview');
  });

  it('works at 375 px, with no page error and no serious or critical accessibility violation', async () => {
    const narrow = await browser.newContext({ baseURL: sys.baseUrl, viewport: { width: 375, height: 760 } });
    try {
      const p = await narrow.newPage();
      await p.goto('/signin');
      await p.getByRole('button', { name: 'Continue with Google' }).waitFor();
      expect(await fitsWidth(p)).toBe(true);
    } finally {
      await narrow.close();
    }
    expect(errors).toEqual([]);
    expect(problems).toEqual([]);
  });

});
