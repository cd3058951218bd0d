import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, startSystem, type System } from './harness';
import { startFakeOpenAI, type FakeOpenAI } from './fakes/openai-server';
import { startWebhookReceiver } from './fakes/webhook-receiver';
import { setPlan, upload, waitForJob } from './helpers/jobs';
import { redisKeysContaining } from './helpers/secrets-scan';
import { speechTimeline, videoWithAudio } from './helpers/speech';
import { signUp, type TestUser } from './helpers/users';

const srtTimes = (srt: string) =>
  [...srt.matchAll(/(\d\d):(\d\d):(\d\d),(\d{3}) --> (\d\d):(\d\d):(\d\d),(\d{3})/g)].map((m) => {
    const n = m.slice(1).map(Number);
    return { start: n[0] * 3600 + n[1] * 60 + n[2] + n[3] / 1000, end: n[4] * 3600 + n[5] * 60 + n[6] + n[7] / 1000 };
  });

/**
 * Transcription end to end: the four apps, real ffmpeg, espeak-ng speech, and a local
 * OpenAI-compatible server that only accepts the owner's plaintext key.
 */
describe('transcription (e2e)', () => {
  const KEY = `sk-e2e-${randomBytes(18).toString('hex')}`;
  const PLATFORM_KEY = `sk-platform-${randomBytes(18).toString('hex')}`;
  let fake: FakeOpenAI;
  let sys: System;
  let dir: string;
  let longVideo: string;
  let shortAudio: string;
  let alice: TestUser;
  const phrases = Array.from({ length: 12 }, (_, i) => ({ at: 3 + i * 15, text: `sentence number ${i + 1} is spoken here` }));

  const putKey = (u: TestUser, provider: string, apiKey: string) =>
    sys.request('PUT', `/v1/provider-keys/${provider}`, { apiKey: u.apiKey, body: { api_key: apiKey, base_url: fake.url } });
  const submit = async (u: TestUser, file: string, extra: Record<string, unknown> = {}) => {
    const up = await upload(sys, u.apiKey, file);
    expect(up.status).toBe(201);
    return sys.post('/v1/jobs/transcribe', { input: { upload_id: up.body.id }, ...extra }, { apiKey: u.apiKey });
  };
  const fetchText = async (u: TestUser, jobId: string, name: string) => {
    const res = await sys.get(`/v1/jobs/${jobId}/outputs/${name}`, { apiKey: u.apiKey });
    expect(res.status).toBe(200);
    return res.text;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'transcribe-e2e-'));
    const audio = await speechTimeline(dir, 'long.wav', 180, phrases);
    longVideo = await videoWithAudio(dir, 'long.mp4', audio, 180);
    shortAudio = await speechTimeline(dir, 'short.wav', 6, [{ at: 1, text: 'a short test sentence' }]);
    fake = await startFakeOpenAI({ expectedKey: [KEY, PLATFORM_KEY], maxUploadBytes: 200_000 });
    sys = await startSystem({
      env: {
        ALLOW_PRIVATE_URLS: 'true',
        WHISPER_CHUNK_MAX_BYTES: '200000',
        WHISPER_CONCURRENCY: '2',
        WHISPER_RETRY_BASE_MS: '50',
        WHISPER_RETRY_MAX_MS: '2000',
        PLATFORM_OPENAI_API_KEY: PLATFORM_KEY,
        PLATFORM_OPENAI_BASE_URL: fake.url,
        LOG_LEVEL: 'debug',
      },
    });
    alice = await signUp(sys);
    await setPlan(sys, alice.userId, 'pro');
    expect((await putKey(alice, 'openai', KEY)).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await sys?.stop();
    await fake?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('chunks a long input, sends the owner key, and returns global, monotonic SRT timestamps', async () => {
    fake.requests.length = 0;
    const res = await submit(alice, longVideo);
    expect(res.status).toBe(202);
    const job = await waitForJob(sys, alice.apiKey, res.body.id, undefined, 120_000);
    expect(job.status).toBe('completed');
    expect(job.result).toMatchObject({
      detected_language: 'en',
      translated_to: null,
      with_diarization: false,
      minutes_billed: 3,
      provider: 'openai',
      key_source: 'user',
    });
    expect(job.result.chunks).toBeGreaterThanOrEqual(4);
    expect(job.outputs.map((o: { name: string }) => o.name).sort()).toEqual(['transcript.json', 'transcript.srt', 'transcript.txt', 'transcript.vtt']);
    const ok = fake.requests.filter((r) => r.status === 200);
    expect(ok.length).toBe(job.result.chunks);
    for (const r of ok) {
      expect(r).toMatchObject({ authorized: true, fileKind: 'mp3', path: '/v1/audio/transcriptions' });
      expect(r.fileSize).toBeLessThanOrEqual(200_000);
    }
    const times = srtTimes(await fetchText(alice, job.id, 'transcript.srt'));
    expect(times).toHaveLength(phrases.length);
    times.forEach((t, i) => {
      expect(Math.abs(t.start - phrases[i].at)).toBeLessThan(0.6);
      if (i) expect(t.start).toBeGreaterThanOrEqual(times[i - 1].end);
    });
    const json = JSON.parse(await fetchText(alice, job.id, 'transcript.json'));
    expect(json.segments[11].words.length).toBeGreaterThan(0);
    const summary = await eventually(async () => {
      const s = await sys.get('/v1/usage/summary', { apiKey: alice.apiKey });
      return s.body.transcribe_minutes?.used >= 3 ? s.body : undefined;
    });
    expect(summary.transcribe_minutes.used).toBe(3);
  });

  it('retries a 429 from the provider (honouring Retry-After) and completes', async () => {
    fake.requests.length = 0;
    fake.script.push({ status: 429, retryAfter: 1 });
    const res = await submit(alice, shortAudio, { language: 'en' });
    const job = await waitForJob(sys, alice.apiKey, res.body.id);
    expect(job.status).toBe('completed');
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(fake.requests[1].fields.language).toEqual(['en']);
  });

  it('translates to English through /audio/translations', async () => {
    fake.requests.length = 0;
    const res = await submit(alice, shortAudio, { translate_to_english: true });
    const job = await waitForJob(sys, alice.apiKey, res.body.id);
    expect(job.result).toMatchObject({ translated_to: 'en' });
    expect(fake.requests[0].path).toBe('/v1/audio/translations');
  });

  it('fails the job with PROVIDER_KEY_REJECTED when the provider refuses the key, and marks the key', async () => {
    const bob = await signUp(sys);
    await setPlan(sys, bob.userId, 'pro');
    await putKey(bob, 'openai', `sk-revoked-${randomBytes(12).toString('hex')}`);
    const res = await submit(bob, shortAudio);
    const job = await waitForJob(sys, bob.apiKey, res.body.id);
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('PROVIDER_KEY_REJECTED');
    const keys = await eventually(async () => {
      const r = await sys.get('/v1/provider-keys', { apiKey: bob.apiKey });
      const k = r.body.data.find((x: { provider: string }) => x.provider === 'openai');
      return k?.last_error ? k : undefined;
    });
    expect(keys.last_error).toMatch(/PROVIDER_KEY_REJECTED/);
    const summary = await sys.get('/v1/usage/summary', { apiKey: bob.apiKey });
    expect(summary.body.transcribe_minutes.used).toBe(0);
    expect(summary.body.transcribe_minutes.reserved).toBe(0);
  });

  it('refuses a submission without a provider key (NO_PROVIDER_KEY), unless the plan has platform transcription', async () => {
    const carol = await signUp(sys);
    await setPlan(sys, carol.userId, 'pro');
    const refused = await submit(carol, shortAudio);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('NO_PROVIDER_KEY');
    await setPlan(sys, carol.userId, 'premium');
    const before = fake.keyUse[PLATFORM_KEY.slice(-4)] ?? 0;
    const res = await submit(carol, shortAudio);
    expect(res.status).toBe(202);
    const job = await waitForJob(sys, carol.apiKey, res.body.id);
    expect(job.status).toBe('completed');
    expect(job.result).toMatchObject({ key_source: 'platform' });
    expect(fake.keyUse[PLATFORM_KEY.slice(-4)]).toBe(before + 1);
  });

  it('refuses diarization where the provider cannot do it, naming the field', async () => {
    const dave = await signUp(sys);
    await setPlan(sys, dave.userId, 'pro');
    await putKey(dave, 'groq', KEY);
    const res = await submit(dave, shortAudio, { diarization: true });
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues[0].path).toBe('diarization');
    // OpenAI (alice) can: speaker labels come back
    const ok = await submit(alice, shortAudio, { diarization: true });
    const job = await waitForJob(sys, alice.apiKey, ok.body.id);
    expect(job.result).toMatchObject({ with_diarization: true, model: 'gpt-4o-transcribe-diarize' });
    expect(await fetchText(alice, job.id, 'transcript.txt')).toMatch(/^\[A\] /);
  });

  it('sends signed job.completed / job.failed webhooks, and the per-job callback_url', async () => {
    const hooks = await startWebhookReceiver('/hooks');
    try {
      const ep = await sys.post('/v1/webhooks', { url: hooks.url, events: ['job.completed', 'job.failed'] }, { apiKey: alice.apiKey });
      expect(ep.status).toBe(201);
      const cb = await sys.post('/v1/webhooks/callback-secret', {}, { apiKey: alice.apiKey });
      expect(cb.body.secret).toMatch(/^whsec_/);
      hooks.secrets = [ep.body.secret, cb.body.secret];
      const callbackUrl = hooks.url.replace('/hooks', '/callback');
      const res = await submit(alice, shortAudio, { callback_url: callbackUrl });
      const job = await waitForJob(sys, alice.apiKey, res.body.id);
      await eventually(async () => hooks.received.length >= 2);
      expect(hooks.received.every((r) => r.json.type === 'job.completed' && r.json.data.job.id === job.id)).toBe(true);
      // the endpoint's delivery is signed with its secret, the callback with the callback secret
      const byPath = Object.fromEntries(hooks.received.map((r) => [r.path, r.verifiedWith]));
      expect(byPath).toEqual({ '/hooks': [ep.body.secret], '/callback': [cb.body.secret] });
      expect(hooks.received[0].json.data.job.result).toMatchObject({ detected_language: 'en' });
      expect(hooks.received[0].headers['clipyard-event-id']).toBe(hooks.received[1].headers['clipyard-event-id']);
    } finally {
      await hooks.close();
    }
  });

  it('never lets the provider key plaintext reach Redis, the logs, or job data', async () => {
    const job = await sys.get('/v1/jobs?type=transcribe&limit=50', { apiKey: alice.apiKey });
    expect(job.status).toBe(200);
    expect(job.text).not.toContain(KEY);
    const logs = sys.logs.join('\n');
    expect(logs.length).toBeGreaterThan(1000);
    expect(logs).not.toContain(KEY);
    expect(logs).not.toContain(PLATFORM_KEY);
    const { scanned, hits } = await redisKeysContaining(sys.env.REDIS_URL ?? 'redis://127.0.0.1:6379', sys.env.REDIS_PREFIX!, KEY);
    expect(scanned).toBeGreaterThan(10);
    expect(hits).toEqual([]);
    expect((await redisKeysContaining(sys.env.REDIS_URL ?? 'redis://127.0.0.1:6379', sys.env.REDIS_PREFIX!, PLATFORM_KEY)).hits).toEqual([]);
  });
});
