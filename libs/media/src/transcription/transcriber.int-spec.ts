import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeOpenAI, type FakeOpenAI } from '../../../../test/fakes/openai-server';
import { speechTimeline, videoWithAudio } from '../../../../test/helpers/speech';
import { transcribeMedia, writeTranscriptFiles } from './transcriber';
import { WhisperClient } from './whisper.client';

const KEY = 'sk-chunking-test-key-abcdefghijklmnop';
const srtTimes = (srt: string) =>
  [...srt.matchAll(/(\d\d):(\d\d):(\d\d),(\d{3}) --> (\d\d):(\d\d):(\d\d),(\d{3})/g)].map((m) => {
    const n = m.slice(1).map(Number);
    return { start: n[0] * 3600 + n[1] * 60 + n[2] + n[3] / 1000, end: n[4] * 3600 + n[5] * 60 + n[6] + n[7] / 1000 };
  });

describe('transcribeMedia: extract, chunk at quiet points, send concurrently, stitch', () => {
  let fake: FakeOpenAI;
  let dir: string;
  const whisper = new WhisperClient({ timeoutMs: 20_000, maxRetries: 2, baseDelayMs: 10, maxDelayMs: 2000 });
  // a phrase every 15 s over three minutes
  const phrases = Array.from({ length: 12 }, (_, i) => ({ at: 3 + i * 15, text: `sentence number ${i + 1} is spoken here` }));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'transcriber-'));
    fake = await startFakeOpenAI({ expectedKey: KEY, maxUploadBytes: 200_000 });
  });
  afterAll(async () => {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('splits a long video into chunks under the limit and returns global, monotonic timestamps', async () => {
    const audio = await speechTimeline(dir, 'long.wav', 180, phrases);
    const video = await videoWithAudio(dir, 'long.mp4', audio, 180);
    const work = await mkdtemp(join(dir, 'job-'));
    const progress: number[] = [];
    const r = await transcribeMedia({
      input: video,
      workDir: work,
      maxChunkBytes: 200_000, // 32 kb/s mp3 → about 45 s per chunk
      concurrency: 2,
      send: (p, _i, signal) => whisper.transcribe({ baseUrl: fake.url, apiKey: KEY, filePath: p, model: 'whisper-1', signal }),
      onProgress: (f) => progress.push(f),
    });

    expect(r.chunks.length).toBeGreaterThanOrEqual(4);
    expect(fake.requests).toHaveLength(r.chunks.length);
    for (const q of fake.requests) {
      expect(q.status).toBe(200);
      expect(q.fileKind).toBe('mp3');
      expect(q.fileSize).toBeLessThanOrEqual(200_000);
    }
    expect(fake.maxInFlight).toBeLessThanOrEqual(2);
    // cuts fall in quiet stretches, never inside a phrase (each lasts about 2 s)
    for (const c of r.chunks.slice(1)) {
      for (const p of phrases) expect(c.start <= p.at || c.start >= p.at + 2.5).toBe(true);
    }
    expect(r.audioSeconds).toBeCloseTo(180, 0);

    // every phrase shows up once, at its global time
    const segs = r.transcript.segments;
    expect(segs).toHaveLength(phrases.length);
    segs.forEach((s, i) => {
      expect(Math.abs(s.start - phrases[i].at)).toBeLessThan(0.6);
      expect(s.end).toBeGreaterThan(s.start);
    });
    expect(progress[progress.length - 1]).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);

    const files = await writeTranscriptFiles(r.transcript, work);
    const srt = await readFile(files.srt, 'utf8');
    const times = srtTimes(srt);
    expect(times.length).toBe(phrases.length);
    for (let i = 1; i < times.length; i++) expect(times[i].start).toBeGreaterThanOrEqual(times[i - 1].end);
    expect(times[times.length - 1].start).toBeCloseTo(168, 0); // global, not per-chunk
    expect(await readFile(files.vtt, 'utf8')).toMatch(/^WEBVTT\n\n00:00:0\d\.\d{3} --> /);
    const json = JSON.parse(await readFile(files.json, 'utf8'));
    expect(json).toMatchObject({ language: 'en', duration: expect.any(Number) });
    expect(json.segments[0].words.length).toBeGreaterThan(0);
    expect((await readFile(files.txt, 'utf8')).trim().split('\n')).toHaveLength(phrases.length);
  });

  it('sends a short file whole, and fails a chunk set as a whole when a key is rejected', async () => {
    fake.requests.length = 0;
    const audio = await speechTimeline(dir, 'short.wav', 8, [{ at: 1, text: 'short one' }]);
    const ok = await transcribeMedia({
      input: audio,
      workDir: await mkdtemp(join(dir, 'job-')),
      maxChunkBytes: 200_000,
      concurrency: 2,
      send: (p, _i, signal) => whisper.transcribe({ baseUrl: fake.url, apiKey: KEY, filePath: p, model: 'whisper-1', signal }),
    });
    expect(ok.chunks).toHaveLength(1);
    const err = await transcribeMedia({
      input: audio,
      workDir: await mkdtemp(join(dir, 'job-')),
      maxChunkBytes: 200_000,
      concurrency: 2,
      send: (p, _i, signal) => whisper.transcribe({ baseUrl: fake.url, apiKey: 'sk-wrong-key-000000', filePath: p, model: 'whisper-1', signal }),
    }).catch((e) => e);
    expect(err.code).toBe('PROVIDER_KEY_REJECTED');
  });

  it('refuses input without an audio stream', async () => {
    const { execFileSync } = await import('node:child_process');
    const silentVideo = join(dir, 'noaudio.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10:duration=1', '-c:v', 'libx264', '-preset', 'ultrafast', silentVideo]);
    const err = await transcribeMedia({
      input: silentVideo,
      workDir: await mkdtemp(join(dir, 'job-')),
      maxChunkBytes: 200_000,
      concurrency: 1,
      send: () => Promise.reject(new Error('must not be called')),
    }).catch((e) => e);
    expect(err.code).toBe('NO_AUDIO_STREAM');
  });
});
