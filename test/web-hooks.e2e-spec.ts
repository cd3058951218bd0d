import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startSystem, type System } from './harness';
import { startFakeChat, type FakeChat } from './fakes/chat-server';
import { startFakeOpenAI, type FakeOpenAI } from './fakes/openai-server';
import { a11yProblems, fitsWidth, launchBrowser, watchPageErrors } from './helpers/browser';
import { setPlan, waitForJob } from './helpers/jobs';
import { speechTimeline, videoWithAudio } from './helpers/speech';
import { signUp, type TestUser } from './helpers/users';

jest.setTimeout(420_000);

const SHOTS = process.env.DASHBOARD_SCREENSHOTS;

/**
 * Hooks and shorts in the browser: the new-job forms (the API's field errors on them), live
 * progress, the hooks with their timestamps, and a shorts job's vertical clips previewed and
 * downloadable; with the local Whisper and Anthropic stand-ins checking the owner's keys.
 */
describe('web dashboard: hooks and shorts in Chromium (e2e)', () => {
  const WHISPER_KEY = `sk-whisper-${randomBytes(16).toString('hex')}`;
  const ANT_KEY = `sk-ant-api03-${randomBytes(20).toString('hex')}`;
  let whisper: FakeOpenAI;
  let anthropic: FakeChat;
  let sys: System;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let dir: string;
  let video: string;
  let alice: TestUser;
  const problems: string[] = [];

  const shot = async (p: Page, name: string) => {
    if (SHOTS) await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
  };
  const checkA11y = async (p: Page) => problems.push(...(await a11yProblems(p)));
  const h1 = (name: string) => page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
  const go = async (link: string, heading: string) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
    await h1(heading);
  };
  const useUpload = async () => {
    await go('New job', 'New job');
    const earlier = page.getByLabel('Or use an earlier upload');
    await earlier.locator('option', { hasText: 'talk.mp4' }).first().waitFor({ state: 'attached' });
    await earlier.selectOption((await earlier.locator('option', { hasText: 'talk.mp4' }).first().getAttribute('value'))!);
    await page.getByRole('status').filter({ hasText: 'Using talk.mp4' }).waitFor();
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'web-hooks-'));
    const phrases = [
      'welcome to the show where we talk about video editing',
      'the first secret is to start with a strong question',
      'nobody watches a clip that starts slowly',
      'the second secret is to cut every pause you can find',
      'and the third secret is to add captions to everything',
    ].map((text, i) => ({ at: 1 + i * 7, text }));
    video = await videoWithAudio(dir, 'talk.mp4', await speechTimeline(dir, 'speech.wav', 36, phrases), 36, true);
    whisper = await startFakeOpenAI({ expectedKey: WHISPER_KEY });
    anthropic = await startFakeChat('anthropic', ANT_KEY);
    sys = await startSystem({
      env: {
        ALLOW_PRIVATE_URLS: 'true',
        WHISPER_RETRY_BASE_MS: '50',
        CHAT_RETRY_BASE_MS: '50',
        HOOKS_CHUNK_CHARS: '400',
      },
    });
    alice = await signUp(sys);
    await setPlan(sys, alice.userId, 'pro');
    browser = await launchBrowser();
    const ctx = await browser.newContext({ baseURL: sys.baseUrl, viewport: { width: 1280, height: 860 } });
    page = await ctx.newPage();
    errors = watchPageErrors(page);
    await page.goto('/signin');
    await page.getByLabel('Email or username').fill(alice.email);
    await page.getByLabel('Password').fill(alice.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await h1('Overview');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
    await Promise.all([whisper?.close(), anthropic?.close()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('asks for a chat key first, then takes the Anthropic and Whisper keys', async () => {
    await go('New job', 'New job');
    await page.getByRole('radio', { name: 'Hooks' }).check();
    await page.getByText('Upload a file or pick an earlier upload first.').waitFor();
    await page.getByLabel('Video or audio file').setInputFiles(video);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('status').filter({ hasText: 'Using talk.mp4' }).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Add a key first' }).click();
    await h1('Provider keys');
    for (const [provider, key, url] of [['anthropic', ANT_KEY, anthropic.url], ['openai', WHISPER_KEY, whisper.url]]) {
      await page.getByLabel('Provider', { exact: true }).selectOption(provider);
      await page.getByLabel('API key').fill(key);
      await page.getByLabel(/^Base URL/).fill(url);
      await page.getByRole('button', { name: 'Save key' }).click();
      await page.getByText(`••••${key.slice(-4)}`).waitFor();
    }
  });

  it('finds hooks: the API\'s error on the field, live progress, then the hooks with their timestamps', async () => {
    await useUpload();
    await page.getByRole('radio', { name: 'Hooks' }).check();
    await page.getByLabel('How many hooks').fill('2');
    await page.getByLabel('Shortest (seconds)').fill('8');
    await page.getByLabel('Longest (seconds)').fill('6');
    await page.getByLabel('Language model').selectOption('anthropic');
    await page.getByRole('button', { name: 'Find hooks' }).click();
    await page.getByRole('alert').filter({ hasText: 'max_s must be greater than min_s' }).waitFor();
    expect(await page.getByLabel('Longest (seconds)').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Longest (seconds)').fill('16');
    await checkA11y(page);
    await shot(page, 'new-hooks');
    await page.getByRole('button', { name: 'Find hooks' }).click();
    await h1('Hooks job');
    await page.getByRole('progressbar', { name: 'Job progress' }).waitFor();
    await page.getByText('completed', { exact: true }).waitFor({ timeout: 150_000 });
    const section = page.getByRole('region', { name: 'Hooks' });
    await section.getByText(/Found by anthropic/).waitFor();
    const items = section.getByRole('listitem');
    expect(await items.count()).toBeGreaterThan(0);
    expect(await items.count()).toBeLessThanOrEqual(2);
    // each hook shows where it sits: mm:ss.s–mm:ss.s
    expect(await items.first().textContent()).toMatch(/\d\d:\d\d\.\d–\d\d:\d\d\.\d/);
    await page.getByRole('link', { name: 'Download hooks.json' }).waitFor();
    await checkA11y(page);
    await shot(page, 'hooks-job');
    expect(anthropic.requests.every((r) => r.authorized)).toBe(true);
  });

  it('makes shorts: one vertical captioned clip per hook, previewed and downloadable; fits a phone', async () => {
    await useUpload();
    await page.getByRole('radio', { name: 'Shorts' }).check();
    await page.getByLabel('Clips').fill('1');
    await page.getByLabel('Shortest (seconds)').fill('8');
    await page.getByLabel('Longest (seconds)').fill('12');
    // the OpenAI key (Whisper here) could run a model too: this short's model is Anthropic's
    await page.getByLabel('Language model').selectOption('anthropic');
    expect(await page.getByLabel('Burn in captions').isChecked()).toBe(true);
    await checkA11y(page);
    await page.getByRole('button', { name: 'Make shorts' }).click();
    await h1('Shorts job');
    const jobId = /\/jobs\/([0-9a-f-]{36})$/.exec(page.url())![1];
    const final = await waitForJob(sys, alice.apiKey, jobId, undefined, 300_000);
    expect({ status: final.status, error: final.error }).toEqual({ status: 'completed', error: undefined });
    await page.getByText('completed', { exact: true }).waitFor();
    const clip = page.getByLabel('Preview of short-1.mp4');
    await clip.waitFor();
    const size = await clip.evaluate(
      (v: any) =>
        new Promise<{ w: number; h: number }>((resolve, reject) => {
          const done = () => resolve({ w: v.videoWidth, h: v.videoHeight });
          if (v.readyState >= 1) return done();
          v.addEventListener('loadedmetadata', done);
          v.addEventListener('error', () => reject(new Error('clip did not load')));
        }),
    );
    expect(size.h / size.w).toBeCloseTo(16 / 9, 1);
    await page.getByRole('link', { name: 'Download short-1.mp4' }).first().waitFor();
    await page.getByRole('region', { name: 'Hooks' }).waitFor();
    await checkA11y(page);
    await clip.scrollIntoViewIfNeeded();
    await shot(page, 'shorts-job');
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await fitsWidth(page)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 860 });

    await go('Jobs', 'Jobs');
    await page.getByLabel('Type').selectOption('shorts');
    await page.getByRole('link', { name: /^shorts / }).waitFor();
    expect(errors).toEqual([]);
  });

  it('has no serious or critical accessibility violation on any page visited', () => {
    expect(problems).toEqual([]);
  });
});
