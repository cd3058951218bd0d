import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually, startSystem, type System } from './harness';
import { startFakeChat, type FakeChat } from './fakes/chat-server';
import { startFakeOpenAI, type FakeOpenAI } from './fakes/openai-server';
import { startFakeVideoSite, type FakeVideoSite } from './fakes/video-page-server';
import { setPlan, upload, waitForJob } from './helpers/jobs';
import { ffprobe } from './helpers/media';
import { redisKeysContaining } from './helpers/secrets-scan';
import { speechTimeline, videoWithAudio } from './helpers/speech';
import { signUp, type TestUser } from './helpers/users';

const exec = promisify(execFile);
jest.setTimeout(240_000);

interface HookOut {
  start: number;
  end: number;
  score: number;
  title: string;
  hook_sentence: string;
  reason: string;
}

async function grayFrame(file: string, at: number): Promise<{ data: Buffer; w: number; h: number }> {
  const p = await ffprobe(file);
  const { stdout } = await exec('ffmpeg', ['-v', 'error', '-ss', String(at), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'], {
    encoding: 'buffer',
    maxBuffer: 32 * 1024 * 1024,
  });
  return { data: stdout as unknown as Buffer, w: p.width!, h: p.height! };
}
/** Pixels of rows [y0, y1) far (> 60) from the frame's most common brightness: text on a flat picture. */
function inked(f: { data: Buffer; w: number; h: number }, y0: number, y1: number): number {
  const hist = new Array(256).fill(0);
  for (const v of f.data) hist[v]++;
  const bg = hist.indexOf(Math.max(...hist));
  let n = 0;
  for (let i = y0 * f.w; i < y1 * f.w; i++) if (Math.abs(f.data[i] - bg) > 60) n++;
  return n;
}

/**
 * Hooks and shorts end to end: espeak-ng speech in a flat video, the real apps, real ffmpeg, a
 * local Whisper stand-in and local chat stand-ins (Anthropic Messages, OpenAI-compatible) that
 * check the owner's plaintext key.
 */
describe('hooks and shorts (e2e)', () => {
  const WHISPER_KEY = `sk-whisper-${randomBytes(16).toString('hex')}`;
  const ANT_KEY = `sk-ant-api03-${randomBytes(20).toString('hex')}`;
  const COMPAT_KEY = `sk-compat-${randomBytes(16).toString('hex')}`;
  let whisper: FakeOpenAI;
  let anthropic: FakeChat;
  let compat: FakeChat;
  let site: FakeVideoSite;
  let sys: System;
  let dir: string;
  let video: string;
  let alice: TestUser;
  let uploadId: string;

  const get = (u: TestUser, path: string) => sys.get(path, { apiKey: u.apiKey });
  const download = async (u: TestUser, jobId: string, name: string) => {
    const res = await fetch(`${sys.baseUrl}/v1/jobs/${jobId}/outputs/${name}`, { headers: { 'x-api-key': u.apiKey } });
    expect(res.status).toBe(200);
    const to = join(dir, `${jobId}-${name}`);
    await writeFile(to, Buffer.from(await res.arrayBuffer()));
    return to;
  };
  const proUser = async (limits?: Record<string, number>) => {
    const u = await signUp(sys);
    await setPlan(sys, u.userId, 'pro', limits);
    await sys.request('PUT', '/v1/provider-keys/openai', { apiKey: u.apiKey, body: { api_key: WHISPER_KEY, base_url: whisper.url } });
    await sys.request('PUT', '/v1/provider-keys/anthropic', { apiKey: u.apiKey, body: { api_key: ANT_KEY, base_url: anthropic.url } });
    return u;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hooks-e2e-'));
    const phrases = [
      'welcome to the show where we talk about video editing',
      'the first secret is to start with a strong question',
      'nobody watches a clip that starts slowly',
      'the second secret is to cut every pause you can find',
      'and the third secret is to add captions to everything',
      'because most people watch without sound',
      'thank you for watching and see you next time',
    ].map((text, i) => ({ at: 1 + i * 8, text }));
    const audio = await speechTimeline(dir, 'speech.wav', 60, phrases);
    video = await videoWithAudio(dir, 'talk.mp4', audio, 60, true);
    whisper = await startFakeOpenAI({ expectedKey: WHISPER_KEY });
    anthropic = await startFakeChat('anthropic', ANT_KEY);
    compat = await startFakeChat('openai', COMPAT_KEY);
    site = await startFakeVideoSite();
    sys = await startSystem({
      env: {
        LOG_LEVEL: 'debug',
        ALLOW_HTTP_PROVIDER_URLS: 'true',
        ALLOW_PRIVATE_PROVIDER_URLS: 'true',
        ALLOW_PRIVATE_URLS: 'true',
        VIDEO_PAGE_INPUTS: 'true',
        WHISPER_RETRY_BASE_MS: '50',
        CHAT_RETRY_BASE_MS: '50',
        CHAT_RETRY_MAX_MS: '60000',
        HOOKS_CHUNK_CHARS: '150',
        HOOKS_CHUNK_OVERLAP_S: '10',
      },
    });
    alice = await proUser();
    const up = await upload(sys, alice.apiKey, video);
    expect(up.status).toBe(201);
    uploadId = up.body.id;
  }, 180_000);
  afterAll(async () => {
    await sys?.stop();
    await Promise.all([whisper?.close(), anthropic?.close(), compat?.close(), site?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  const checkHooks = (hooks: HookOut[], o: { count: number; min: number; max: number; duration: number }) => {
    expect(hooks.length).toBeGreaterThan(0);
    expect(hooks.length).toBeLessThanOrEqual(o.count);
    for (const h of hooks) {
      expect(h.start).toBeGreaterThanOrEqual(0);
      expect(h.end).toBeLessThanOrEqual(o.duration + 0.01);
      expect(h.end - h.start).toBeGreaterThanOrEqual(o.min - 0.01);
      expect(h.end - h.start).toBeLessThanOrEqual(o.max + 0.01);
      expect(h.score).toBeGreaterThanOrEqual(0);
      expect(h.score).toBeLessThanOrEqual(100);
      expect(h.title).toBeTruthy();
    }
    const sorted = [...hooks].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].start).toBeGreaterThanOrEqual(sorted[i - 1].end);
  };

  it('finds hooks with the owner\'s Anthropic key in chunks, retrying a 429, repairing bad JSON, dropping times outside the media', async () => {
    anthropic.script.push({ status: 429, retryAfter: 1 });
    anthropic.invalidJsonTimes = 1;
    anthropic.shiftOutside = 40; // the model "sees" times 40 s later than the prompt: some fall past the end
    const res = await sys.post('/v1/jobs/hooks', { input: { upload_id: uploadId }, count: 3, min_s: 8, max_s: 20, provider: 'anthropic' }, { apiKey: alice.apiKey });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ type: 'hooks', ai_provider: 'anthropic', model: 'claude-3-5-haiku-latest' });
    const job = await waitForJob(sys, alice.apiKey, res.body.id, undefined, 180_000);
    anthropic.shiftOutside = 0;
    expect(job.status).toBe('completed');
    checkHooks(job.result.hooks, { count: 3, min: 8, max: 20, duration: 60 });
    expect(job.result).toMatchObject({ ai_provider: 'anthropic', model: 'claude-3-5-haiku-latest', transcript: 'transcribed', minutes_billed: 1 });
    expect(job.result.chunks).toBeGreaterThan(1);
    expect(job.result.tokens.input).toBeGreaterThan(0);
    const file = await download(alice, job.id, 'hooks.json');
    expect(JSON.parse(await (await import('node:fs/promises')).readFile(file, 'utf8'))).toEqual(job.result.hooks);
    // the stand-in saw the owner's real key on every call, and one repair turn
    const calls = anthropic.requests;
    expect(calls.length).toBeGreaterThanOrEqual(job.result.chunks + 2);
    expect(calls.every((c) => c.authorized)).toBe(true);
    expect(calls.some((c) => c.status === 429)).toBe(true);
    expect(calls.some((c) => c.repair)).toBe(true);

    const ledger = await eventually(async () => {
      const l = await get(alice, '/v1/usage/events');
      return l.body.data.find((e: { job_id: string; action: string }) => e.job_id === job.id && e.action === 'hooks');
    });
    expect(ledger).toMatchObject({ ai_provider: 'anthropic', ai_model: 'claude-3-5-haiku-latest' });
    expect(ledger.input_tokens).toBe(job.result.tokens.input);
    const summary = (await get(alice, '/v1/usage/summary')).body;
    expect(summary.actions.hooks).toMatchObject({ used: 1, reserved: 0, limit: 50 });
    expect(summary.transcribe_minutes).toMatchObject({ used: 1, reserved: 0 });
    expect(summary.actions.transcribe).toMatchObject({ used: 0 });
  });

  it('falls back to JSON mode on an OpenAI-compatible server that refuses json_schema, reusing an earlier transcription', async () => {
    const u = await proUser();
    await sys.request('PUT', '/v1/provider-keys/openai_compatible', { apiKey: u.apiKey, body: { api_key: COMPAT_KEY, base_url: compat.url } });
    compat.rejectJsonSchema = true;
    const up = await upload(sys, u.apiKey, video);
    const tr = await sys.post('/v1/jobs/transcribe', { input: { upload_id: up.body.id } }, { apiKey: u.apiKey });
    expect((await waitForJob(sys, u.apiKey, tr.body.id, undefined, 120_000)).status).toBe('completed');
    const before = whisper.requests.length;
    const noModel = await sys.post('/v1/jobs/hooks', { input: { job_id: tr.body.id }, provider: 'openai_compatible' }, { apiKey: u.apiKey });
    expect(noModel.status).toBe(422);
    expect(noModel.body.error.details.issues[0].path).toBe('model');
    const res = await sys.post('/v1/jobs/hooks', { input: { job_id: tr.body.id }, provider: 'openai_compatible', model: 'local-llama', count: 2, min_s: 8, max_s: 20 }, { apiKey: u.apiKey });
    expect(res.status).toBe(202);
    const job = await waitForJob(sys, u.apiKey, res.body.id, undefined, 120_000);
    expect(job.status).toBe('completed');
    checkHooks(job.result.hooks, { count: 2, min: 8, max: 20, duration: 60 });
    expect(job.result).toMatchObject({ transcript: 'reused', minutes_billed: 0, ai_provider: 'openai_compatible', model: 'local-llama' });
    expect(whisper.requests.length).toBe(before); // no second transcription
    expect(compat.requests[0]).toMatchObject({ mode: 'json_schema', status: 400 });
    expect(compat.requests.slice(1).every((r) => r.mode === 'json_object' && r.authorized)).toBe(true);
    const other = await signUp(sys);
    await setPlan(sys, other.userId, 'pro');
    await sys.request('PUT', '/v1/provider-keys/anthropic', { apiKey: other.apiKey, body: { api_key: ANT_KEY, base_url: anthropic.url } });
    const foreign = await sys.post('/v1/jobs/hooks', { input: { job_id: tr.body.id } }, { apiKey: other.apiKey });
    expect(foreign.status).toBe(404); // another user's transcription does not exist for you
  });

  it('cuts shorts: vertical clips whose lengths match the hooks, with captions in the frames', async () => {
    const res = await sys.post('/v1/jobs/shorts', { input: { upload_id: uploadId }, count: 2, min_s: 8, max_s: 16, provider: 'anthropic' }, { apiKey: alice.apiKey });
    expect(res.status).toBe(202);
    const progress: number[] = [];
    const job = await eventually(async () => {
      const r = await get(alice, `/v1/jobs/${res.body.id}`);
      progress.push(r.body.progress);
      return ['completed', 'failed', 'canceled'].includes(r.body.status) ? r.body : undefined;
    }, 200_000, 100);
    expect(job.status).toBe('completed');
    const hooks: HookOut[] = job.result.hooks;
    checkHooks(hooks, { count: 2, min: 8, max: 16, duration: 60 });
    const names = job.outputs.map((o: { name: string }) => o.name).sort();
    expect(names).toEqual([...hooks.map((_, i) => `short-${i + 1}.mp4`), 'hooks.json'].sort());
    expect(new Set(progress.filter((p) => p > 0 && p < 100)).size).toBeGreaterThan(1);
    for (const [i, h] of hooks.entries()) {
      const clip = await download(alice, job.id, `short-${i + 1}.mp4`);
      const p = await ffprobe(clip);
      expect(p.height! / p.width!).toBeCloseTo(16 / 9, 1);
      expect(Math.abs(p.durationS - (h.end - h.start))).toBeLessThan(0.3);
      // captions: text in the bottom band of the flat picture, nothing in the top half
      const frame = await grayFrame(clip, Math.min(1.5, (h.end - h.start) / 2));
      expect(inked(frame, Math.floor(frame.h * 0.6), frame.h)).toBeGreaterThan(150);
      expect(inked(frame, 0, Math.floor(frame.h * 0.4))).toBeLessThan(frame.w);
    }
    const summary = await eventually(async () => {
      const s = (await get(alice, '/v1/usage/summary')).body;
      return s.actions.hooks.used >= 2 ? s : undefined;
    });
    // one hooks unit, one trim per clip, the minutes it transcribed: all reserved up front, all settled
    expect(summary.actions.hooks).toMatchObject({ used: 2, reserved: 0 });
    expect(summary.actions.trim).toMatchObject({ used: hooks.length, reserved: 0 });
    expect(summary.transcribe_minutes).toMatchObject({ used: 2, reserved: 0 });
  });

  it('reserves everything up front, names the failed step, and cancels as a whole', async () => {
    const tight = await proUser({ trims_per_month: 2 });
    const up = await upload(sys, tight.apiKey, video);
    const over = await sys.post('/v1/jobs/shorts', { input: { upload_id: up.body.id }, count: 3, provider: 'anthropic' }, { apiKey: tight.apiKey });
    expect(over.status).toBe(402);
    expect(over.body.error).toMatchObject({ code: 'QUOTA_EXCEEDED', details: { metric: 'trim', limit: 2, requested: 3 } });
    // a model that keeps the job waiting (Retry-After 30 s), then a cancel: everything released
    anthropic.script.push({ status: 429, retryAfter: 30 });
    const slow = await sys.post('/v1/jobs/shorts', { input: { upload_id: up.body.id }, count: 2, provider: 'anthropic' }, { apiKey: tight.apiKey });
    expect(slow.status).toBe(202);
    await eventually(async () => anthropic.requests.some((r) => r.status === 429 && anthropic.script.length === 0), 120_000, 200);
    const held = (await get(tight, '/v1/usage/summary')).body;
    expect(held.actions.trim.reserved).toBe(2);
    expect(held.actions.hooks.reserved).toBe(1);
    expect((await sys.request('DELETE', `/v1/jobs/${slow.body.id}`, { apiKey: tight.apiKey })).status).toBe(200);
    const canceled = await waitForJob(sys, tight.apiKey, slow.body.id);
    expect(canceled.status).toBe('canceled');
    await eventually(async () => {
      const s = (await get(tight, '/v1/usage/summary')).body;
      return s.actions.trim.reserved === 0 && s.actions.hooks.reserved === 0 && s.transcribe_minutes.reserved === 0 ? s : undefined;
    });
    // a rejected model key fails the short at the hooks step and is shown on the key
    const bad = await proUser();
    await sys.request('PUT', '/v1/provider-keys/anthropic', { apiKey: bad.apiKey, body: { api_key: 'sk-ant-wrong-000000000000', base_url: anthropic.url } });
    const up2 = await upload(sys, bad.apiKey, video);
    const failed = await waitForJob(sys, bad.apiKey, (await sys.post('/v1/jobs/shorts', { input: { upload_id: up2.body.id }, count: 1, provider: 'anthropic' }, { apiKey: bad.apiKey })).body.id, undefined, 120_000);
    expect(failed.status).toBe('failed');
    expect(failed.error.code).toBe('PROVIDER_KEY_REJECTED');
    expect(failed.error.message).toMatch(/^Step hooks failed/);
    expect(failed.outputs).toEqual([]);
    const keys = (await get(bad, '/v1/provider-keys')).body.data;
    expect(keys.find((k: { provider: string }) => k.provider === 'anthropic')).toMatchObject({ status: 'error', last_error: expect.stringContaining('PROVIDER_KEY_REJECTED') });
  });

  it('reads a video page with yt-dlp (offline, generic extractor) for a hooks job', async () => {
    site.file('/media/talk.mp4', video);
    const url = site.page('/watch/talk', { title: 'Editing talk', media: '/media/talk.mp4', duration: 'PT60S' });
    const res = await sys.post('/v1/jobs/hooks', { input: { video_page_url: url }, count: 1, min_s: 8, max_s: 20, provider: 'anthropic' }, { apiKey: alice.apiKey });
    expect(res.status).toBe(202);
    const job = await waitForJob(sys, alice.apiKey, res.body.id, undefined, 180_000);
    expect(job.status).toBe('completed');
    checkHooks(job.result.hooks, { count: 1, min: 8, max: 20, duration: 60 });
    expect(site.requests.some((r) => r.path === '/media/talk.mp4' && !r.proxied)).toBe(true);
    const long = site.page('/watch/long', { title: 'Long', media: '/media/talk.mp4', duration: 'PT3H' });
    const tooLong = await waitForJob(sys, alice.apiKey, (await sys.post('/v1/jobs/hooks', { input: { video_page_url: long }, provider: 'anthropic' }, { apiKey: alice.apiKey })).body.id, undefined, 120_000);
    expect(tooLong.error).toMatchObject({ code: 'MEDIA_TOO_LONG' });
  });

  it('refuses what the plan or the keys do not allow, before anything is queued', async () => {
    const free = await signUp(sys);
    await sys.request('PUT', '/v1/provider-keys/anthropic', { apiKey: free.apiKey, body: { api_key: ANT_KEY, base_url: anthropic.url } });
    const upF = await upload(sys, free.apiKey, video);
    const f = await sys.post('/v1/jobs/hooks', { input: { upload_id: upF.body.id } }, { apiKey: free.apiKey });
    expect(f.status).toBe(403);
    expect(f.body.error).toMatchObject({ code: 'FEATURE_NOT_IN_PLAN', details: { feature: 'hook_detection' } });
    const noKey = await signUp(sys);
    await setPlan(sys, noKey.userId, 'pro');
    await sys.request('PUT', '/v1/provider-keys/openai', { apiKey: noKey.apiKey, body: { api_key: WHISPER_KEY, base_url: whisper.url } });
    const upN = await upload(sys, noKey.apiKey, video);
    const n = await sys.post('/v1/jobs/hooks', { input: { upload_id: upN.body.id }, provider: 'anthropic' }, { apiKey: noKey.apiKey });
    expect(n.status).toBe(400);
    expect(n.body.error.code).toBe('NO_CHAT_PROVIDER_KEY');
    const bad = await sys.post('/v1/jobs/hooks', { input: { upload_id: upN.body.id }, count: 11, min_s: 30, max_s: 20 }, { apiKey: noKey.apiKey });
    expect(bad.status).toBe(422);
    const one = await proUser({ hooks_per_month: 1 });
    const up1 = await upload(sys, one.apiKey, video);
    expect((await sys.post('/v1/jobs/hooks', { input: { upload_id: up1.body.id }, provider: 'anthropic' }, { apiKey: one.apiKey })).status).toBe(202);
    const second = await sys.post('/v1/jobs/hooks', { input: { upload_id: up1.body.id } }, { apiKey: one.apiKey });
    expect(second.status).toBe(402);
    expect(second.body.error.details).toMatchObject({ metric: 'hooks', limit: 1 });
  });

  it('never lets a plaintext provider key reach Redis, a log or a job payload', async () => {
    for (const key of [ANT_KEY, COMPAT_KEY, WHISPER_KEY]) {
      const { scanned, hits } = await redisKeysContaining(sys.env.REDIS_URL ?? 'redis://127.0.0.1:6379', sys.env.REDIS_PREFIX!, key);
      expect(scanned).toBeGreaterThan(10);
      expect(hits).toEqual([]);
      expect(sys.logs.filter((l) => l.includes(key))).toEqual([]);
    }
    expect(sys.logs.some((l) => l.includes('hooks'))).toBe(true);
  });
});
