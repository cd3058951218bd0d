import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually, startSystem, type System } from './harness';
import { startFakeOpenAI, type FakeOpenAI } from './fakes/openai-server';
import { setPlan, upload, waitForJob } from './helpers/jobs';
import { ffprobe } from './helpers/media';
import { speechTimeline, videoWithAudio } from './helpers/speech';
import { signUp, type TestUser } from './helpers/users';

const exec = promisify(execFile);

async function grayFrame(file: string, at: number): Promise<{ data: Buffer; w: number; h: number }> {
  const p = await ffprobe(file);
  const { stdout } = await exec('ffmpeg', ['-v', 'error', '-ss', String(at), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'], {
    encoding: 'buffer',
    maxBuffer: 32 * 1024 * 1024,
  });
  return { data: stdout as unknown as Buffer, w: p.width!, h: p.height! };
}
/** Pixels in rows [y0, y1) whose brightness differs by more than 40. */
function changed(a: Buffer, b: Buffer, w: number, y0: number, y1: number): number {
  let n = 0;
  for (let i = y0 * w; i < y1 * w; i++) if (Math.abs(a[i] - b[i]) > 40) n++;
  return n;
}

/** trim with `subtitles: true`: trim → transcribe → burn-in as one job, against real ffmpeg. */
describe('subtitled trim (e2e)', () => {
  const KEY = `sk-subs-${randomBytes(18).toString('hex')}`;
  let fake: FakeOpenAI;
  let sys: System;
  let dir: string;
  let video: string;
  let alice: TestUser;

  const download = async (u: TestUser, jobId: string, name: string, to: string) => {
    const res = await fetch(`${sys.baseUrl}/v1/jobs/${jobId}/outputs/${name}`, { headers: { 'x-api-key': u.apiKey } });
    expect(res.status).toBe(200);
    await writeFile(to, Buffer.from(await res.arrayBuffer()));
    return to;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'subs-e2e-'));
    const audio = await speechTimeline(dir, 'speech.wav', 12, [
      { at: 2, text: 'the first caption is spoken now' },
      { at: 7, text: 'and then a second one' },
    ]);
    // one flat colour makes "did captions appear" a clean pixel question
    video = await videoWithAudio(dir, 'talk.mp4', audio, 12, true);
    fake = await startFakeOpenAI({ expectedKey: KEY });
    // Progress every 50 ms at most (default 1 s): on a quiet machine the whole job takes about a second.
    sys = await startSystem({ env: { ALLOW_PRIVATE_URLS: 'true', WHISPER_RETRY_BASE_MS: '50', WORKER_PROGRESS_INTERVAL_MS: '50' } });
    alice = await signUp(sys);
    await setPlan(sys, alice.userId, 'pro');
    await sys.request('PUT', '/v1/provider-keys/openai', { apiKey: alice.apiKey, body: { api_key: KEY, base_url: fake.url } });
  }, 120_000);
  afterAll(async () => {
    await sys?.stop();
    await fake?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('burns captions from the transcript into the trimmed video, metered as one trim plus minutes', async () => {
    const up = await upload(sys, alice.apiKey, video);
    const trim = (subtitles: boolean) =>
      sys.post('/v1/jobs/trim', { input: { upload_id: up.body.id }, start: 1, end: 11, mode: 'precise', subtitles }, { apiKey: alice.apiKey });
    const [withSubs, plain] = await Promise.all([trim(true), trim(false)]);
    expect(withSubs.status).toBe(202);
    const progress = new Set<number>();
    const job = await eventually(async () => {
      const r = await sys.get(`/v1/jobs/${withSubs.body.id}`, { apiKey: alice.apiKey });
      progress.add(r.body.progress);
      return ['completed', 'failed'].includes(r.body.status) ? r.body : undefined;
    }, 90_000, 50);
    const plainJob = await waitForJob(sys, alice.apiKey, plain.body.id);
    expect(job.status).toBe('completed');
    expect(job.outputs.map((o: { name: string }) => o.name).sort()).toEqual(['output.mp4', 'transcript.srt', 'transcript.vtt']);
    expect(job.result.subtitles).toMatchObject({ minutes_billed: 1, detected_language: 'en', key_source: 'user' });
    expect(Math.abs(job.result.duration_s - 10)).toBeLessThan(0.2);
    expect([...progress].some((p) => p > 0 && p < 100)).toBe(true);

    const captioned = await download(alice, job.id, 'output.mp4', join(dir, 'captioned.mp4'));
    const bare = await download(alice, plainJob.id, 'output.mp4', join(dir, 'bare.mp4'));
    const srt = await (await fetch(`${sys.baseUrl}/v1/jobs/${job.id}/outputs/transcript.srt`, { headers: { 'x-api-key': alice.apiKey } })).text();
    // the first phrase starts 1 s into the clip (2 s in the source)
    expect(srt).toMatch(/^1\n00:00:0[01],\d{3} --> /);
    const a = await grayFrame(bare, 2.5);
    const b = await grayFrame(captioned, 2.5);
    expect(b.w).toBe(a.w);
    const h = a.h;
    expect(changed(a.data, b.data, a.w, Math.floor(h * 0.7), h)).toBeGreaterThan(500); // captions in the bottom band
    expect(changed(a.data, b.data, a.w, 0, Math.floor(h * 0.5))).toBeLessThan(a.w * 2); // picture otherwise the same

    const summary = await eventually(async () => {
      const s = await sys.get('/v1/usage/summary', { apiKey: alice.apiKey });
      return s.body.actions.trim.used >= 2 && s.body.transcribe_minutes.used >= 1 ? s.body : undefined;
    });
    expect(summary.actions.trim.used).toBe(2);
    // the minutes held at submission moved to used; no transcription job is counted
    expect(summary.transcribe_minutes).toMatchObject({ used: 1, reserved: 0 });
    expect(summary.actions.transcribe).toMatchObject({ used: 0, reserved: 0 });
    const ledger = await sys.get('/v1/usage/events', { apiKey: alice.apiKey });
    expect(ledger.body.data.filter((e: { job_id: string }) => e.job_id === job.id).map((e: { action: string; units: number }) => [e.action, e.units]).sort()).toEqual([
      ['transcribe', 1],
      ['trim', 1],
    ]);
  });

  it('reserves the minutes at submission: a plan without minutes left is refused before anything runs', async () => {
    const dave = await signUp(sys);
    await setPlan(sys, dave.userId, 'pro', { transcribe_minutes_per_month: 1 });
    await sys.request('PUT', '/v1/provider-keys/openai', { apiKey: dave.apiKey, body: { api_key: KEY, base_url: fake.url } });
    const up = await upload(sys, dave.apiKey, video);
    const first = await sys.post('/v1/jobs/trim', { input: { upload_id: up.body.id }, start: 0, end: 5, subtitles: true }, { apiKey: dave.apiKey });
    expect(first.status).toBe(202);
    // the first one holds the only minute until it finishes
    const second = await sys.post('/v1/jobs/trim', { input: { upload_id: up.body.id }, start: 5, end: 10, subtitles: true }, { apiKey: dave.apiKey });
    expect(second.status).toBe(402);
    expect(second.body.error).toMatchObject({ code: 'QUOTA_EXCEEDED', details: { metric: 'transcribe_minutes', limit: 1, requested: 1 } });
    expect((await waitForJob(sys, dave.apiKey, first.body.id)).status).toBe('completed');
    const summary = await eventually(async () => {
      const s = await sys.get('/v1/usage/summary', { apiKey: dave.apiKey });
      return s.body.transcribe_minutes.used === 1 ? s.body : undefined;
    });
    expect(summary.transcribe_minutes).toMatchObject({ used: 1, reserved: 0, remaining: 0 });
    expect(summary.actions.trim).toMatchObject({ used: 1, reserved: 0 });
    // a plain trim needs no minutes
    expect((await sys.post('/v1/jobs/trim', { input: { upload_id: up.body.id }, start: 5, end: 10 }, { apiKey: dave.apiKey })).status).toBe(202);
  });

  it('fails as a whole, naming the step, when the transcription step fails', async () => {
    const bob = await signUp(sys);
    await setPlan(sys, bob.userId, 'pro');
    await sys.request('PUT', '/v1/provider-keys/openai', { apiKey: bob.apiKey, body: { api_key: 'sk-wrong-key-0000000000', base_url: fake.url } });
    const up = await upload(sys, bob.apiKey, video);
    const res = await sys.post('/v1/jobs/trim', { input: { upload_id: up.body.id }, start: 0, end: 5, subtitles: true }, { apiKey: bob.apiKey });
    const job = await waitForJob(sys, bob.apiKey, res.body.id);
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('PROVIDER_KEY_REJECTED');
    expect(job.error.message).toMatch(/^Step transcribe failed/);
    expect(job.outputs).toEqual([]);
    // the release travels as its own event after the job's failure: wait for it
    const summary = await eventually(async () => {
      const s = await sys.get('/v1/usage/summary', { apiKey: bob.apiKey });
      return s.body.actions.trim.reserved === 0 ? s : undefined;
    }, 15_000, 200);
    expect(summary.body.actions.trim).toMatchObject({ used: 0, reserved: 0 });
    expect(summary.body.transcribe_minutes).toMatchObject({ used: 0, reserved: 0 });
  });

  it('needs the subtitles plan feature and a provider key', async () => {
    const carol = await signUp(sys); // free plan
    const up = await upload(sys, carol.apiKey, video);
    const body = { input: { upload_id: up.body.id }, start: 0, end: 5, subtitles: true };
    const free = await sys.post('/v1/jobs/trim', body, { apiKey: carol.apiKey });
    expect(free.status).toBe(403);
    expect(free.body.error.code).toBe('FEATURE_NOT_IN_PLAN');
    await setPlan(sys, carol.userId, 'pro');
    const noKey = await sys.post('/v1/jobs/trim', body, { apiKey: carol.apiKey });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.code).toBe('NO_PROVIDER_KEY');
  });
});
