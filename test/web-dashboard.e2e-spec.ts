import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually, startSystem, uniqueEmail, type System } from './harness';
import { startFakeOpenAI, type FakeOpenAI } from './fakes/openai-server';
import { a11yProblems, fitsWidth, launchBrowser, watchPageErrors } from './helpers/browser';
import { setPlan } from './helpers/jobs';
import { speechTimeline, videoWithAudio } from './helpers/speech';
import { strongPassword } from './helpers/users';

jest.setTimeout(300_000);

/** Where to write README screenshots (`DASHBOARD_SCREENSHOTS=docs/screenshots npm test -- web-dashboard`). */
const SHOTS = process.env.DASHBOARD_SCREENSHOTS;

/**
 * The dashboard in headless Chromium against the real system: a person's whole path from sign-up
 * to a downloaded, subtitled trim, found by role and label the way a person finds things.
 */
describe('web dashboard in Chromium (e2e)', () => {
  const KEY = `sk-web-${randomBytes(18).toString('hex')}`;
  let fake: FakeOpenAI;
  let sys: System;
  let browser: Browser;
  let dir: string;
  let video: string;
  const problems: string[] = [];
  const alice = { email: uniqueEmail('web-a'), password: strongPassword(), jobId: '' };
  let ctxA: BrowserContext;
  let pageA: Page;
  let errorsA: string[];

  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
  };
  const checkA11y = async (page: Page) => problems.push(...(await a11yProblems(page)));
  const go = async (page: Page, link: string, heading: string) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };
  const signUpInBrowser = async (page: Page, email: string, password: string) => {
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('link', { name: 'Create one' }).click();
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor({ timeout: 30_000 });
  };
  const userId = async (email: string, password: string) => {
    const login = await sys.post('/v1/auth/login', { email, password });
    return (await sys.get('/v1/auth/me', { token: login.body.access_token })).body.id as string;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'web-e2e-'));
    const audio = await speechTimeline(dir, 'speech.wav', 6, [{ at: 1, text: 'hello from the dashboard' }]);
    video = await videoWithAudio(dir, 'talk.mp4', audio, 6);
    fake = await startFakeOpenAI({ expectedKey: KEY });
    // Short access tokens so the test sees the page refresh its session by itself.
    sys = await startSystem({
      env: { ALLOW_HTTP_PROVIDER_URLS: 'true', ALLOW_PRIVATE_PROVIDER_URLS: 'true', WHISPER_RETRY_BASE_MS: '50', JWT_ACCESS_TTL_S: '8' },
    });
    browser = await launchBrowser();
    ctxA = await browser.newContext({ baseURL: sys.baseUrl, viewport: { width: 1280, height: 860 } });
    await ctxA.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sys.baseUrl });
    pageA = await ctxA.newPage();
    errorsA = watchPageErrors(pageA);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
    await fake?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('signs in by keyboard, shows the API\'s field errors, and signs up', async () => {
    const page = pageA;
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checkA11y(page);
    await shot(page, 'sign-in');
    // focus order: email, password, submit
    await page.getByLabel('Email or username').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement.type)).toBe('password');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe('Sign in');
    // a wrong password: the API's message, announced
    await page.getByLabel('Email or username').fill(alice.email);
    await page.getByLabel('Password').fill('not-the-password-1');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: /INVALID_CREDENTIALS/ }).waitFor();

    await page.getByRole('link', { name: 'Create one' }).click();
    await page.getByLabel('Email', { exact: true }).fill(alice.email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    // the password policy's message sits next to the password field
    await page.getByRole('alert').filter({ hasText: /at least 8 characters/ }).waitFor();
    await checkA11y(page);
    await page.getByLabel('Password').fill(alice.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor({ timeout: 30_000 });
    await page.getByText('No jobs yet.').waitFor();
    await page.getByRole('link', { name: 'Add a provider key' }).waitFor();
    // subtitles are a paid feature
    await setPlan(sys, await userId(alice.email, alice.password), 'pro');
  });

  it('creates an API key, shows it once and copies it', async () => {
    const page = pageA;
    await go(page, 'API keys', 'API keys');
    await page.getByText('No API keys yet.').waitFor();
    await page.getByLabel('Name').fill('laptop');
    await page.getByLabel('jobs:read').check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByLabel('New API key').textContent())!.trim();
    expect(secret).toMatch(/^cy_live_/);
    await page.getByRole('button', { name: 'Copy key' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => (globalThis as any).navigator.clipboard.readText())).toBe(secret);
    // the copied key works, with the scope chosen
    expect((await sys.get('/v1/jobs', { apiKey: secret })).status).toBe(200);
    expect((await sys.get('/v1/provider-keys', { apiKey: secret })).status).toBe(403);
    await page.getByRole('cell', { name: 'laptop', exact: true }).waitFor();
    await shot(page, 'api-keys');
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByLabel('New API key').count()).toBe(0);
    await checkA11y(page);
  });

  it('adds a provider key, shown masked', async () => {
    const page = pageA;
    await go(page, 'Provider keys', 'Provider keys');
    await page.getByLabel('API key').fill(KEY);
    await page.getByLabel('Base URL (optional)').fill(fake.url);
    await page.getByRole('button', { name: 'Save key' }).click();
    await page.getByText(`••••${KEY.slice(-4)}`).waitFor();
    expect(await page.content()).not.toContain(KEY);
    await checkA11y(page);
  });

  it('uploads with progress, trims with subtitles, watches progress, previews and downloads', async () => {
    const page = pageA;
    await go(page, 'New job', 'New job');
    await page.getByText(/Your plan accepts files up to/).waitFor();
    await page.getByLabel('Video or audio file').setInputFiles(video);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('status').filter({ hasText: 'Using talk.mp4' }).waitFor({ timeout: 60_000 });
    await page.getByRole('radio', { name: 'Trim' }).check();
    await page.getByLabel('Preview of the uploaded video').waitFor();
    // an end before the start: the API's message next to the field
    await page.getByLabel('Start (seconds)').fill('3');
    await page.getByLabel('End (seconds)').fill('1');
    await page.getByRole('button', { name: 'Start trim' }).click();
    await page.getByRole('alert').filter({ hasText: 'end must be after start' }).waitFor();
    await page.getByLabel('Start (seconds)').fill('0');
    await page.getByLabel('End (seconds)').fill('4');
    await page.getByLabel('Subtitles (uses your provider key)').check();
    await checkA11y(page);
    await shot(page, 'new-job');
    await page.getByRole('button', { name: 'Start trim' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trim job' }).waitFor();
    alice.jobId = /\/jobs\/([0-9a-f-]{36})$/.exec(page.url())![1];
    const bar = page.getByRole('progressbar', { name: 'Job progress' });
    await bar.waitFor();
    await page.getByText('completed', { exact: true }).waitFor({ timeout: 150_000 });
    expect(await bar.getAttribute('value')).toBe('100');
    expect(errorsA.filter((e) => e.includes('failed'))).toEqual([]);

    // preview plays from the signed link, with the transcript as captions and as text
    const preview = page.getByLabel('Preview of the output video');
    await preview.waitFor();
    const duration = await preview.evaluate(
      (v: any) =>
        new Promise<number>((resolve, reject) => {
          if (v.readyState >= 1) return resolve(v.duration);
          v.addEventListener('loadedmetadata', () => resolve(v.duration));
          v.addEventListener('error', () => reject(new Error('video did not load')));
        }),
    );
    expect(duration).toBeGreaterThan(3);
    expect(duration).toBeLessThan(5);
    await page.getByRole('heading', { name: 'Transcript' }).waitFor();
    expect(await page.locator('.transcript li').count()).toBeGreaterThan(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download output.mp4' }).click()]);
    expect((await stat((await download.path())!)).size).toBeGreaterThan(10_000);
    await checkA11y(page);
    await shot(page, 'job');
  });

  it('lists the job, and usage moves', async () => {
    const page = pageA;
    await go(page, 'Jobs', 'Jobs');
    await page.getByRole('link', { name: `trim ${alice.jobId.slice(0, 8)}` }).waitFor();
    await page.getByLabel('Status').selectOption('failed');
    await page.getByText('No job matches these filters.').waitFor();
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('link', { name: `trim ${alice.jobId.slice(0, 8)}` }).waitFor();
    await checkA11y(page);
    await shot(page, 'jobs');

    await go(page, 'Usage', 'Usage');
    await eventually(async () => {
      if ((await page.getByRole('meter', { name: /^Trims: 1 of/ }).count()) > 0) return true;
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
      return false;
    }, 30_000, 500);
    await page.getByRole('cell', { name: 'trim' }).first().waitFor();
    await checkA11y(page);
    await go(page, 'Overview', 'Overview');
    await page.getByRole('meter', { name: /^Trims: 1 of/ }).waitFor();
    await checkA11y(page);
    await shot(page, 'overview');
    for (const [link, heading] of [['Webhooks', 'Webhooks'], ['Account', 'Account']]) {
      await go(page, link, heading);
      await page.getByRole('status').filter({ hasText: 'Loading' }).waitFor({ state: 'detached' }).catch(() => undefined);
      await checkA11y(page);
    }
    await page.getByText('this device').waitFor();
  });

  it('a second user, on a 375 px phone, never sees the first one\'s data', async () => {
    const ctx = await browser.newContext({ baseURL: sys.baseUrl, viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    try {
      const page = await ctx.newPage();
      const errors = watchPageErrors(page);
      await signUpInBrowser(page, uniqueEmail('web-b'), strongPassword());
      expect(await fitsWidth(page)).toBe(true);
      await checkA11y(page);
      await shot(page, 'overview-375');
      await go(page, 'Jobs', 'Jobs');
      await page.getByText('No jobs yet.').waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await go(page, 'API keys', 'API keys');
      await page.getByText('No API keys yet.').waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await go(page, 'New job', 'New job');
      expect(await page.getByLabel('Or use an earlier upload').count()).toBe(0);
      expect(await fitsWidth(page)).toBe(true);
      await checkA11y(page);
      await page.goto(`/jobs/${alice.jobId}`);
      await page.getByRole('alert').filter({ hasText: 'NOT_FOUND' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('refreshes an expiring session silently, resumes it after a reload, and signing out clears it', async () => {
    const page = pageA;
    // the 8-second access token is replaced before it runs out, without the person noticing
    const refreshed = await page.waitForResponse((r) => r.url().endsWith('/v1/auth/refresh') && r.request().method() === 'POST', { timeout: 30_000 });
    expect(refreshed.status()).toBe(200);
    await page.waitForTimeout(9_000); // outlive the first access token (not a timing assertion)
    await go(page, 'Jobs', 'Jobs');
    await page.getByRole('link', { name: `trim ${alice.jobId.slice(0, 8)}` }).waitFor();
    // the page's scripts never see the refresh token
    expect(await page.evaluate(() => (globalThis as any).document.cookie as string)).not.toContain('cy_refresh');
    const cookie = (await ctxA.cookies()).find((c) => c.name === 'cy_refresh')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/v1/auth/refresh' });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect((await ctxA.cookies()).map((c) => c.name)).not.toContain('cy_refresh');
    await page.goto('/jobs');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(errorsA.filter((e) => /Content Security Policy|pageerror/.test(e))).toEqual([]);
  });

  it('has no serious or critical accessibility violation on any page visited', () => {
    expect(problems).toEqual([]);
  });
});
