/**
 * Limits that hold for every input: a URL input is fetched and probed at submission (size and
 * length against the plan → 413, the real minutes reserved), a job is never billed above what its
 * reservation held, and a finished job can be purged (record and outputs) while its metered usage
 * stays in the ledger.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { RpcClient } from '@clipyard/queue';
import { Storage } from '@clipyard/storage';
import { UsageService } from '../apps/billing/src/usage/usage.service';
import { startSystem, type System } from './harness';
import { makeVideo } from './helpers/media';
import { pathOf, setPlan, waitForJob } from './helpers/jobs';
import { signUp } from './helpers/users';

const run = promisify(execFile);

describe('limits that hold for every input (e2e)', () => {
  let sys: System;
  let dir: string;
  let media: Server;
  let base: string;
  /** Requests the media server answered, by path. */
  const served: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'limits-'));
    await makeVideo(path.join(dir, 'clip.mp4'), { durationS: 2 });
    await makeVideo(path.join(dir, 'five.mp4'), { durationS: 5, width: 160, height: 90 });
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=300:duration=150', '-c:a', 'aac', '-b:a', '32k', path.join(dir, 'talk.m4a')]);
    media = createServer((req, res) => {
      const file = path.join(dir, path.basename(req.url ?? ''));
      served.push(req.url ?? '');
      try {
        const { size } = statSync(file);
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size });
        createReadStream(file).pipe(res);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => media.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(media.address() as AddressInfo).port}`;
    sys = await startSystem({
      env: { ALLOW_PRIVATE_URLS: 'true', STORAGE_LOCAL_DIR: path.join(dir, 'storage'), UPLOAD_TMP_DIR: path.join(dir, 'spool') },
    });
  }, 180_000);
  afterAll(async () => {
    await sys?.stop();
    await new Promise((r) => media?.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  const summary = async (apiKey: string) => (await sys.get('/v1/usage/summary', { apiKey })).body;
  const uploads = async (apiKey: string) => (await sys.get('/v1/uploads', { apiKey })).body.data;

  it('probes a URL input before anything is reserved: too big → 413 FILE_TOO_LARGE, too long → 413 MEDIA_TOO_LONG', async () => {
    const u = await signUp(sys);
    await setPlan(sys, u.userId, 'free', { max_file_bytes: 20_000, max_concurrent_jobs: -1 });
    const big = await sys.post('/v1/jobs/trim', { input: { url: `${base}/clip.mp4` }, start: 0, end: 1 }, { apiKey: u.apiKey });
    expect(statSync(path.join(dir, 'clip.mp4')).size).toBeGreaterThan(20_000);
    expect([big.status, big.body.error?.code]).toEqual([413, 'FILE_TOO_LARGE']);

    await setPlan(sys, u.userId, 'free', { max_file_bytes: null, max_media_seconds: 3 });
    const long = await sys.post('/v1/jobs/trim', { input: { url: `${base}/five.mp4` }, start: 0, end: 1 }, { apiKey: u.apiKey });
    expect([long.status, long.body.error?.code]).toEqual([413, 'MEDIA_TOO_LONG']);
    expect(long.body.error.details).toMatchObject({ limit: 3 });
    // Nothing reserved, nothing kept.
    const s = await summary(u.apiKey);
    expect(s.actions.trim).toMatchObject({ used: 0, reserved: 0 });
    expect(await uploads(u.apiKey)).toEqual([]);
  });

  it('a URL transcription reserves its real minutes (not one): 150 s of audio holds 3 minutes', async () => {
    const u = await signUp(sys);
    await setPlan(sys, u.userId, 'pro', { transcribe_minutes_per_month: 2, max_concurrent_jobs: -1 });
    const key = await sys.request('PUT', '/v1/provider-keys/openai', { apiKey: u.apiKey, body: { api_key: `sk-test-${randomUUID()}` } });
    expect(key.status).toBeLessThan(300);
    const refused = await sys.post('/v1/jobs/transcribe', { input: { url: `${base}/talk.m4a` } }, { apiKey: u.apiKey });
    expect([refused.status, refused.body.error?.code]).toEqual([402, 'QUOTA_EXCEEDED']);
    expect(refused.body.error.details).toMatchObject({ metric: 'transcribe_minutes', limit: 2, requested: 3 });
    expect(await uploads(u.apiKey)).toEqual([]);
  });

  it('a job is never billed above its reservation, so the month cannot pass the plan', async () => {
    const u = await signUp(sys);
    await setPlan(sys, u.userId, 'pro', { transcribe_minutes_per_month: 5 });
    const rpc = sys.apps.gateway!.get(RpcClient);
    const jobId = randomUUID();
    await rpc.call('quota.reserve', { userId: u.userId, jobId, action: 'transcribe', units: 3, features: [], subtitleMinutes: 0 });
    // The worker measured 10 minutes (the media changed, or the estimate was short).
    await sys.apps.billing!.get(UsageService).record({
      name: 'usage.job', v: 1, eventId: `job:${jobId}:completed`, userId: u.userId, jobId, action: 'transcribe', units: 10,
      mediaSeconds: 600, inputBytes: 0, outputBytes: 0, processingMs: 0, subtitleMinutes: 0, trimJobs: 0, inputTokens: 0, outputTokens: 0, occurredAt: new Date().toISOString(),
    });
    const s = await summary(u.apiKey);
    expect(s.transcribe_minutes).toMatchObject({ used: 3, reserved: 0, limit: 5, remaining: 2 });
  });

  it('runs a URL input from the bytes it probed, then purges the finished job: record and outputs gone, usage kept', async () => {
    const u = await signUp(sys);
    await setPlan(sys, u.userId, 'pro', { max_concurrent_jobs: -1 });
    served.length = 0;
    const sub = await sys.post('/v1/jobs/trim', { input: { url: `${base}/clip.mp4` }, start: 0, end: 1 }, { apiKey: u.apiKey });
    expect(sub.status).toBe(202);
    const done = await waitForJob(sys, u.apiKey, sub.body.id, undefined, 120_000);
    expect(done.status).toBe('completed');
    expect(served).toEqual(['/clip.mp4']); // fetched once, at submission; the worker read the stored copy
    const [imported] = await uploads(u.apiKey);
    expect(imported).toMatchObject({ filename: 'clip.mp4', content_type: 'video/mp4' });

    const out = done.outputs[0];
    expect((await sys.get(pathOf(out.url), { apiKey: u.apiKey })).status).toBe(200);
    // Plan features are enforced where they say: no `download` → no output, no signed link; no `api_access` → no new key.
    await setPlan(sys, u.userId, 'pro', { features: ['trim', 'overlay'] } as never);
    for (const p of [pathOf(out.url), `/v1/jobs/${sub.body.id}/outputs/${out.name}/url`]) {
      const res = await sys.get(p, { apiKey: u.apiKey });
      expect({ p, status: res.status, code: res.body?.error?.code }).toEqual({ p, status: 403, code: 'FEATURE_NOT_IN_PLAN' });
    }
    const key = await sys.post('/v1/api-keys', { name: 'more' }, { apiKey: u.apiKey });
    expect([key.status, key.body.error?.code]).toEqual([403, 'FEATURE_NOT_IN_PLAN']);
    await setPlan(sys, u.userId, 'pro', { features: null } as never);
    const bad = await sys.request('DELETE', `/v1/jobs/${sub.body.id}?purge=yes`, { apiKey: u.apiKey });
    expect(bad.status).toBe(422);
    const other = await signUp(sys);
    expect((await sys.request('DELETE', `/v1/jobs/${sub.body.id}?purge=true`, { apiKey: other.apiKey })).status).toBe(404);

    const purged = await sys.request('DELETE', `/v1/jobs/${sub.body.id}?purge=true`, { apiKey: u.apiKey });
    expect(purged.status).toBe(204);
    expect((await sys.get(`/v1/jobs/${sub.body.id}`, { apiKey: u.apiKey })).status).toBe(404);
    expect((await sys.get(pathOf(out.url), { apiKey: u.apiKey })).status).toBe(404);
    const stored: string[] = [];
    for await (const o of sys.apps.gateway!.get(Storage).list(`users/${u.userId}/outputs/`)) stored.push(o.key);
    expect(stored.filter((k) => k.includes(sub.body.id))).toEqual([]);
    const events = (await sys.get('/v1/usage/events', { apiKey: u.apiKey })).body.data;
    expect(events.map((e: { job_id: string }) => e.job_id)).toContain(sub.body.id);
    expect((await summary(u.apiKey)).actions.trim.used).toBe(1);
  }, 180_000);
});
