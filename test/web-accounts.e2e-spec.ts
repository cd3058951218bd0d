import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSystem, uniqueEmail, type System } from './harness';
import { a11yProblems, fitsWidth, launchBrowser, watchPageErrors } from './helpers/browser';
import { codeOf, linkOf, startSmtp, type ReceivedMail, type SmtpStandIn } from './helpers/smtp';
import { strongPassword } from './helpers/users';

jest.setTimeout(240_000);

/** Where to write README screenshots (`DASHBOARD_SCREENSHOTS=docs/screenshots npm test -- web-accounts`). */
const SHOTS = process.env.DASHBOARD_SCREENSHOTS;

/**
 * Accounts over email in the browser, with the emails from a real SMTP server: the pages the
 * emailed links open (verify, reset, magic link, confirm a new address), forgot-password and
 * passwordless sign-in, and the account page's email change and deletion.
 */
describe('web dashboard: accounts over email in Chromium (e2e)', () => {
  let smtp: SmtpStandIn;
  let sys: System;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let errors: string[];
  const problems: string[] = [];
  const alice = { email: uniqueEmail('webacct-a'), password: strongPassword() };

  const shot = async (p: Page, name: string) => {
    if (SHOTS) await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
  };
  const checkA11y = async (p: Page) => problems.push(...(await a11yProblems(p)));
  const mailTo = (to: string, subject: RegExp, after = 0): Promise<ReceivedMail> =>
    smtp.waitFor((m) => m.to === to && subject.test(m.subject) && smtp.messages.indexOf(m) >= after);
  /** The emailed link, opened on this system (PUBLIC_URL is where users reach it; here the gateway). */
  const open = async (p: Page, m: ReceivedMail) => {
    const u = new URL(linkOf(m).link);
    await p.goto(u.pathname + u.search);
  };
  const h1 = (p: Page, name: string | RegExp) => p.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
  const go = async (p: Page, link: string, heading: string) => {
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
    await h1(p, heading);
  };
  const signOut = async (p: Page) => {
    await p.getByRole('button', { name: 'Sign out' }).click();
    await h1(p, 'Sign in');
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    sys = await startSystem({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Clipyard <no-reply@clipyard.test>',
        PUBLIC_URL: 'https://clipyard.test',
        REQUIRE_VERIFIED_EMAIL: 'true',
        OUTBOX_BACKOFF_MS: '200',
        EMAIL_FLOW_IP_PER_HOUR: '200',
        EMAIL_FLOW_PER_EMAIL_PER_HOUR: '20',
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
    await smtp?.stop();
  });

  it('signs up, then verifies the address by the emailed link (the GET spends nothing, the click does)', async () => {
    await page.goto('/signup');
    await page.getByLabel('Email', { exact: true }).fill(alice.email);
    await page.getByLabel('Password').fill(alice.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await h1(page, 'Overview');
    const prompt = page.getByRole('region', { name: 'Verify your email' });
    await prompt.waitFor();
    await checkA11y(page);

    const mail = await mailTo(alice.email, /Confirm your email/);
    expect(new URL(linkOf(mail).link).pathname).toBe('/account/verify-email');
    await open(page, mail);
    await h1(page, 'Verify your email');
    await checkA11y(page);
    await shot(page, 'verify-email');
    await page.getByRole('button', { name: 'Verify my email' }).click();
    await page.getByRole('status').filter({ hasText: 'Your email address is verified' }).waitFor();
    // the link is single use: opening it again and clicking shows the API's error
    await page.reload();
    await page.getByRole('button', { name: 'Verify my email' }).click();
    await page.getByRole('alert').filter({ hasText: 'LINK_INVALID' }).waitFor();
    await page.getByRole('link', { name: 'Go to the dashboard' }).click();
    await h1(page, 'Overview');
    await page.getByRole('region', { name: 'Plan' }).waitFor();
    expect(await prompt.count()).toBe(0);
  });

  it('verifies a second person by the code, typed on the overview, at 375 px', async () => {
    const phone = await browser.newContext({ baseURL: sys.baseUrl, viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    try {
      const p = await phone.newPage();
      const bob = { email: uniqueEmail('webacct-b'), password: strongPassword() };
      await p.goto('/signup');
      await p.getByLabel('Email', { exact: true }).fill(bob.email);
      await p.getByLabel('Password').fill(bob.password);
      await p.getByRole('button', { name: 'Create account' }).click();
      await h1(p, 'Overview');
      const mail = await mailTo(bob.email, /Confirm your email/);
      await p.getByLabel('Code from the email').fill(codeOf(mail) === '000000' ? '111111' : '000000');
      await p.getByRole('button', { name: 'Verify', exact: true }).click();
      await p.getByRole('alert').filter({ hasText: /LINK_INVALID|code/i }).waitFor();
      expect(await fitsWidth(p)).toBe(true);
      await checkA11y(p);
      await p.getByLabel('Code from the email').fill(codeOf(mail));
      await p.getByRole('button', { name: 'Verify', exact: true }).click();
      await p.getByRole('region', { name: 'Verify your email' }).waitFor({ state: 'detached' });
      expect(await fitsWidth(p)).toBe(true);
    } finally {
      await phone.close();
    }
  });

  it('changes the email: the new address confirms through its link, the old one is told', async () => {
    await go(page, 'Account', 'Account');
    // linked sign-in providers (social sign-in): none yet, and it says how this account signs in
    await page.getByRole('region', { name: 'Linked sign-in providers' }).getByText('No provider account is linked').waitFor();
    const section = page.getByRole('region', { name: 'Email address' });
    await section.getByText('(verified)').waitFor();
    const next = uniqueEmail('webacct-a2');
    await section.getByLabel('New email').fill(next);
    await section.getByLabel('Your password').fill('not-my-password-1');
    await section.getByRole('button', { name: 'Change email' }).click();
    await section.getByRole('alert').filter({ hasText: 'The password is wrong' }).waitFor();
    await section.getByLabel('Your password').fill(alice.password);
    await section.getByRole('button', { name: 'Change email' }).click();
    await section.getByRole('status').filter({ hasText: `We sent a confirmation link to ${next}` }).waitFor();
    await checkA11y(page);
    await mailTo(alice.email, /change of your .* email was requested/);

    await open(page, await mailTo(next, /Confirm your new email/));
    await h1(page, 'Confirm your new email');
    await checkA11y(page);
    await page.getByRole('button', { name: 'Confirm new email' }).click();
    await page.getByRole('status').filter({ hasText: `Your email address is now ${next}` }).waitFor();
    alice.email = next;
    await page.getByRole('link', { name: 'Go to the dashboard' }).click();
    await h1(page, 'Overview');
    await page.getByRole('banner').getByText(next).waitFor();
  });

  it('forgot password → the reset link → a new password that the API\'s policy accepts → signs in with it', async () => {
    await signOut(page);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await h1(page, 'Reset your password');
    await checkA11y(page);
    const before = smtp.messages.length;
    await page.getByLabel('Email').fill(alice.email);
    await page.getByRole('button', { name: 'Email me a reset link' }).click();
    await page.getByRole('status').filter({ hasText: 'a reset link is on its way' }).waitFor();

    await open(page, await mailTo(alice.email, /Reset your/, before));
    await h1(page, 'Choose a new password');
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Set new password' }).click();
    // the policy's message, next to the field it names
    await page.getByRole('alert').filter({ hasText: /at least 8 characters/ }).waitFor();
    await checkA11y(page);
    await shot(page, 'reset-password');
    alice.password = strongPassword();
    await page.getByLabel('New password').fill(alice.password);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('link', { name: 'Sign in with your new password' }).click();
    await h1(page, 'Sign in');
    await page.getByLabel('Email or username').fill(alice.email);
    await page.getByLabel('Password').fill(alice.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await h1(page, 'Overview');
    await mailTo(alice.email, /password was changed/);
  });

  it('signs in without a password: by the emailed code, then by the emailed link', async () => {
    await signOut(page);
    await page.getByRole('link', { name: 'Sign in with an emailed link or code' }).click();
    await h1(page, 'Sign in by email');
    let before = smtp.messages.length;
    await page.getByLabel('Email').fill(alice.email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByLabel('6-digit code').waitFor();
    await checkA11y(page);
    await shot(page, 'sign-in-by-email');
    const mail = await mailTo(alice.email, /sign-in link/, before);
    await page.getByLabel('6-digit code').fill(codeOf(mail));
    await page.getByRole('button', { name: 'Sign in with the code' }).click();
    await h1(page, 'Overview');

    await signOut(page);
    await page.getByRole('link', { name: 'Sign in with an emailed link or code' }).click();
    before = smtp.messages.length;
    await page.getByLabel('Email').fill(alice.email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByLabel('6-digit code').waitFor();
    await open(page, await mailTo(alice.email, /sign-in link/, before));
    await h1(page, 'Sign in to Clipyard');
    await checkA11y(page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await h1(page, 'Overview');
    // a cookie session like a password sign-in: it survives a reload, and the page never sees the refresh token
    await page.reload();
    await h1(page, 'Overview');
    expect(await page.evaluate(() => (globalThis as any).document.cookie as string)).not.toContain('cy_refresh');
  });

  it('deletes the account from the account page, and it is gone', async () => {
    await go(page, 'Account', 'Account');
    const section = page.getByRole('region', { name: 'Delete account' });
    const button = section.getByRole('button', { name: 'Delete my account' });
    expect(await button.isDisabled()).toBe(true);
    await section.getByLabel('Password to confirm').fill('not-my-password-1');
    await section.getByLabel('I understand that this deletes everything').check();
    await button.click();
    await section.getByRole('alert').filter({ hasText: 'The password is wrong' }).waitFor();
    await checkA11y(page);
    await shot(page, 'account');
    await section.getByLabel('Password to confirm').fill(alice.password);
    await button.click();
    await h1(page, 'Sign in');
    await page.getByRole('status').filter({ hasText: 'Your account was deleted' }).waitFor();
    await mailTo(alice.email, /account was deleted/);
    await page.getByLabel('Email or username').fill(alice.email);
    await page.getByLabel('Password').fill(alice.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'INVALID_CREDENTIALS' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('tries without an account, then keeps the work by creating one (same user, verification mailed)', async () => {
    const trial = await browser.newContext({ baseURL: sys.baseUrl, viewport: { width: 1280, height: 860 } });
    try {
      const p = await trial.newPage();
      await p.goto('/signin');
      await p.getByRole('button', { name: 'Try without an account' }).click();
      await h1(p, 'Overview');
      const keep = p.getByRole('region', { name: 'Keep your work' });
      await keep.waitFor();
      await p.getByRole('banner').getByText('Trial').waitFor();
      await checkA11y(p);
      await shot(p, 'trial');
      const email = uniqueEmail('webacct-trial');
      await keep.getByLabel('Email').fill(email);
      await keep.getByLabel('Password').fill('short');
      await keep.getByRole('button', { name: 'Create my account' }).click();
      await keep.getByRole('alert').filter({ hasText: /at least 8 characters/ }).waitFor();
      const password = strongPassword();
      await keep.getByLabel('Password').fill(password);
      await keep.getByRole('button', { name: 'Create my account' }).click();
      await keep.waitFor({ state: 'detached' });
      await p.getByRole('banner').getByText(email).waitFor();
      await p.getByRole('region', { name: 'Verify your email' }).waitFor();
      await mailTo(email, /Confirm your email/);
      // the same session goes on, and the new password signs in
      expect((await sys.post('/v1/auth/login', { email, password })).status).toBe(200);
    } finally {
      await trial.close();
    }
  });

  it('has no serious or critical accessibility violation on any page visited', () => {
    expect(problems).toEqual([]);
  });
});
