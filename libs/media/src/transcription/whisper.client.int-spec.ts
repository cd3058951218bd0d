import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeOpenAI, type FakeOpenAI } from '../../../../test/fakes/openai-server';
import { speechTimeline } from '../../../../test/helpers/speech';
import { extractSpeechAudio } from './audio';
import { ProviderError, WhisperClient, retryAfterMs, type WhisperClientOptions } from './whisper.client';

const KEY = 'sk-test-plaintext-key-0123456789abcdef';

describe('WhisperClient against a local OpenAI-compatible server', () => {
  let fake: FakeOpenAI;
  let dir: string;
  let mp3: string;
  const delays: number[] = [];
  const client = (o: Partial<WhisperClientOptions> = {}) =>
    new WhisperClient({
      timeoutMs: 10_000,
      maxRetries: 2,
      baseDelayMs: 10,
      maxDelayMs: 5_000,
      onRetry: ({ delayMs }) => delays.push(delayMs),
      ...o,
    });
  const req = (o: Record<string, unknown> = {}) => ({ baseUrl: fake.url, apiKey: KEY, filePath: mp3, model: 'whisper-1', ...o });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'whisper-'));
    const wav = await speechTimeline(dir, 'speech.wav', 6, [
      { at: 0.5, text: 'hello there' },
      { at: 3.5, text: 'general' },
    ]);
    mp3 = join(dir, 'speech.mp3');
    await extractSpeechAudio(wav, mp3);
    fake = await startFakeOpenAI({ expectedKey: KEY });
  });
  afterAll(async () => {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    fake.requests.length = 0;
    fake.script.length = 0;
    fake.delayMs = 0;
    delays.length = 0;
  });

  it('sends multipart with the file and fields and parses verbose_json with segments and words', async () => {
    const r = await client().transcribe(req({ language: 'en', prompt: 'names: Kenobi' }));
    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0];
    expect(sent).toMatchObject({ path: '/v1/audio/transcriptions', authorized: true, fileKind: 'mp3', fileName: 'speech.mp3', status: 200 });
    expect(sent.fields).toMatchObject({
      model: ['whisper-1'],
      response_format: ['verbose_json'],
      language: ['en'],
      prompt: ['names: Kenobi'],
      'timestamp_granularities[]': ['segment', 'word'],
    });
    expect(r.language).toBe('en'); // the API says "english"
    expect(r.duration).toBeCloseTo(6, 0);
    // two phrases → two segments where the speech actually is
    expect(r.segments).toHaveLength(2);
    expect(r.segments[0].start).toBeGreaterThanOrEqual(0.3);
    expect(r.segments[0].start).toBeLessThan(0.8);
    expect(r.segments[1].start).toBeGreaterThan(3.2);
    expect(r.words?.length).toBeGreaterThan(0);
  });

  it('uses /audio/translations without language or word timestamps', async () => {
    const r = await client().transcribe(req({ translate: true, language: 'fr' }));
    expect(fake.requests[0].path).toBe('/v1/audio/translations');
    expect(fake.requests[0].fields.language).toBeUndefined();
    expect(fake.requests[0].fields['timestamp_granularities[]']).toBeUndefined();
    expect(r.language).toBe('en');
    expect(r.text).toMatch(/^\[en\]/);
  });

  it('asks for diarized_json and keeps the speakers', async () => {
    const r = await client().transcribe(req({ diarize: true, model: 'gpt-4o-transcribe-diarize' }));
    expect(fake.requests[0].fields.response_format).toEqual(['diarized_json']);
    expect(r.segments.map((s) => s.speaker)).toEqual(['A', 'B']);
  });

  it('fails at once with PROVIDER_KEY_REJECTED on 401, without the key in the error', async () => {
    const err = await client().transcribe(req({ apiKey: `${KEY}-wrong` })).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ code: 'PROVIDER_KEY_REJECTED', retryable: false });
    expect(fake.requests).toHaveLength(1);
    expect(JSON.stringify({ m: err.message, d: err.details })).not.toContain(KEY);
  });

  it('treats 403 like 401 and scrubs a key the provider echoes back', async () => {
    fake.script.push({ status: 403, body: { error: { message: `key ${KEY} is not allowed` } } });
    const err = await client().transcribe(req()).catch((e) => e);
    expect(err.code).toBe('PROVIDER_KEY_REJECTED');
    expect(err.details.providerMessage).toBe('key [redacted] is not allowed');
  });

  it('retries a 429, honouring Retry-After, then succeeds', async () => {
    fake.script.push({ status: 429, retryAfter: 1 });
    const r = await client().transcribe(req());
    expect(fake.requests.map((q) => q.status)).toEqual([429, 200]);
    expect(delays).toEqual([1000]);
    expect(r.segments.length).toBe(2);
  });

  it('caps a long Retry-After at maxDelayMs', async () => {
    fake.script.push({ status: 429, retryAfter: 3600 });
    await client({ maxDelayMs: 50 }).transcribe(req());
    expect(delays).toEqual([50]);
  });

  it('gives up after maxRetries on repeated 500s with a retryable PROVIDER_UNAVAILABLE', async () => {
    fake.script.push({ status: 500 }, { status: 502 }, { status: 503 });
    const err = await client().transcribe(req()).catch((e) => e);
    expect(err).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
    expect(fake.requests.map((q) => q.status)).toEqual([500, 502, 503]);
    expect(delays).toHaveLength(2);
  });

  it('times out a slow provider with PROVIDER_TIMEOUT', async () => {
    fake.delayMs = 1500;
    const err = await client({ timeoutMs: 200, maxRetries: 0 }).transcribe(req()).catch((e) => e);
    expect(err).toMatchObject({ code: 'PROVIDER_TIMEOUT', retryable: true });
  });

  it('does not retry other 4xx answers', async () => {
    const err = await client().transcribe(req({ language: 'english' })).catch((e) => e);
    expect(err).toMatchObject({ code: 'PROVIDER_REQUEST_REJECTED', retryable: false });
    expect(fake.requests).toHaveLength(1);
  });

  it('connects a user base URL only to addresses the URL policy allows (no second, unchecked resolution)', async () => {
    // A name (this machine's) that passes the syntactic check and resolves to a loopback address:
    // the connection is refused at connect time, and the provider never sees the request.
    const port = new URL(fake.url).port;
    const before = fake.requests.length;
    const named = `http://${hostname()}:${port}/v1`;
    const err = await client({ maxRetries: 0 }).transcribe(req({ baseUrl: named, urlPolicy: { allowPrivate: false } })).catch((e) => e);
    expect(err).toMatchObject({ code: 'URL_FORBIDDEN', retryable: false });
    const literal = await client({ maxRetries: 0 }).transcribe(req({ baseUrl: `http://[::7f00:1]:${port}/v1`, urlPolicy: { allowPrivate: false } })).catch((e) => e);
    expect(literal).toMatchObject({ code: 'URL_FORBIDDEN', retryable: false });
    expect(fake.requests.length).toBe(before);
    // the development switch lets the same pinned client reach a local server
    const ok = await client().transcribe(req({ urlPolicy: { allowPrivate: true } }));
    expect(ok.text.length).toBeGreaterThan(0);
  });

  it('reports an unreachable provider as retryable', async () => {
    const err = await client({ maxRetries: 0 }).transcribe(req({ baseUrl: 'http://127.0.0.1:1/v1' })).catch((e) => e);
    expect(err).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
  });
});

describe('retryAfterMs', () => {
  it('reads seconds, HTTP dates and retry-after-ms', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '150' }))).toBe(150);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000);
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });
});
