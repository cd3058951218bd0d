/**
 * Media jobs end to end with real ffmpeg: upload → trim/overlay on the media worker → events →
 * polling → download (Range, signed links) → retention; URL inputs refused by SSRF rules.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import dns from 'node:dns/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { Storage } from '@clipyard/storage';
import { startSystem, type System } from './harness';
import { signUp, type TestUser } from './helpers/users';
import { ffprobe, makeImage, makeVideo } from './helpers/media';
import { pathOf, setPlan, upload, waitForJob } from './helpers/jobs';
import { RetentionSweeper } from '../apps/gateway/src/retention/retention.sweeper';

describe('media jobs with ffmpeg (e2e)', () => {
  let sys: System;
  let dir: string;
  let alice: TestUser;
  let bob: TestUser;
  let clip: string;

  const submit = async (type: string, body: unknown, user = alice) => {
    const res = await sys.post(`/v1/jobs/${type}`, body, { apiKey: user.apiKey });
    if (res.status !== 202) throw new Error(`submit ${type}: ${res.status} ${res.text}`);
    return res.body;
  };
  const fetchOutput = async (job: any, contentType: RegExp, headers: Record<string, string> = {}) => {
    const out = job.outputs.find((o: any) => contentType.test(o.content_type));
    const res = await fetch(sys.baseUrl + pathOf(out.url), { headers: { 'x-api-key': alice.apiKey, ...headers } });
    return { out, res, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const saveAndProbe = async (bytes: Buffer, name: string) => {
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    return ffprobe(file);
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'jobs-e2e-'));
    sys = await startSystem({ env: { STORAGE_LOCAL_DIR: path.join(dir, 'storage'), UPLOAD_TMP_DIR: path.join(dir, 'spool') } });
    [alice, bob] = [await signUp(sys), await signUp(sys)];
    await setPlan(sys, alice.userId, 'premium', { max_concurrent_jobs: -1 });
    const video = await makeVideo(path.join(dir, 'src.mp4'), { durationS: 10, gop: 25 });
    const up = await upload(sys, alice.apiKey, video, { contentType: 'video/mp4' });
    expect(up.status).toBe(201);
    clip = up.body.id;
  }, 120_000);
  afterAll(async () => {
    await sys?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fast trim: duration within one GOP, a thumbnail, progress to 100, Range downloads', async () => {
    const job = await submit('trim', { input: { upload_id: clip }, start: 2.3, end: '00:00:06.100', mode: 'fast', thumbnail: true });
    const done = await waitForJob(sys, alice.apiKey, job.id);
    expect(done).toMatchObject({ status: 'completed', progress: 100 });
    expect(done.started_at).toBeDefined();
    expect(done.completed_at).toBeDefined();
    const { res, bytes, out } = await fetchOutput(done, /^video\/mp4/);
    expect(res.status).toBe(200);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(bytes.length).toBe(out.size);
    const probed = await saveAndProbe(bytes, 'fast.mp4');
    expect(Math.abs(probed.durationS - 3.8)).toBeLessThanOrEqual(1.0);
    expect(done.outputs.some((o: any) => o.content_type === 'image/jpeg')).toBe(true);
    expect(done.result.duration_s).toBeCloseTo(probed.durationS, 1);
    expect(done.usage).toMatchObject({ output_bytes: done.outputs.reduce((n: number, o: any) => n + o.size, 0), processing_ms: expect.any(Number) });

    const part = await fetchOutput(done, /^video\/mp4/, { range: 'bytes=10-109' });
    expect(part.res.status).toBe(206);
    expect(part.res.headers.get('content-range')).toBe(`bytes 10-109/${out.size}`);
    expect(part.bytes.equals(bytes.subarray(10, 110))).toBe(true);
    const tail = await fetchOutput(done, /^video\/mp4/, { range: 'bytes=-50' });
    expect(tail.bytes.equals(bytes.subarray(bytes.length - 50))).toBe(true);
    const bad = await fetchOutput(done, /^video\/mp4/, { range: `bytes=${out.size + 10}-` });
    expect(bad.res.status).toBe(416);
  });

  it('precise trim: duration within 50 ms', async () => {
    const job = await submit('trim', { input: { upload_id: clip }, start: 1.25, end: 4.5, mode: 'precise' });
    const done = await waitForJob(sys, alice.apiKey, job.id);
    expect(done.status).toBe('completed');
    const probed = await saveAndProbe((await fetchOutput(done, /^video\/mp4/)).bytes, 'precise.mp4');
    expect(Math.abs(probed.durationS - 3.25)).toBeLessThanOrEqual(0.05);
  });

  it('vertical: 9:16 output', async () => {
    const job = await submit('trim', { input: { upload_id: clip }, start: 0, end: 2, mode: 'precise', vertical: 'crop' });
    const done = await waitForJob(sys, alice.apiKey, job.id);
    expect(done.status).toBe('completed');
    const probed = await saveAndProbe((await fetchOutput(done, /^video\/mp4/)).bytes, 'vertical.mp4');
    expect(probed.width! / probed.height!).toBeCloseTo(9 / 16, 2);
  });

  it('overlay: hostile text on an image renders and leaves the filter graph intact', async () => {
    const image = await upload(sys, alice.apiKey, await makeImage(path.join(dir, 'still.png')), { contentType: 'image/png' });
    expect(image.body.content_type).toBe('image/png');
    const text = `It's 100% "done": \\ %{pts} %{eif\\:1\\:d} [in];drawtext=text=pwned,\nline two 🎬`;
    const job = await submit('overlay', { input: { upload_id: image.body.id }, text, template: 'title', overrides: { duration: 2 } });
    const done = await waitForJob(sys, alice.apiKey, job.id);
    expect(done.status).toBe('completed');
    expect(done.params.text).toBe(text);
    const probed = await saveAndProbe((await fetchOutput(done, /^video\/mp4/)).bytes, 'overlay.mp4');
    expect(probed.durationS).toBeCloseTo(2, 0);
  });

  it('a URL whose name resolves to a private address is refused at submission with URL_FORBIDDEN', async () => {
    const host = os.hostname();
    const addrs = await dns.lookup(host, { all: true }).catch(() => []);
    if (!addrs.some((a) => a.address.startsWith('127.') || a.address === '::1')) return; // cannot stage it on this machine
    // URL inputs are fetched and probed at submission, through the same connect-time address check.
    const res = await sys.post('/v1/jobs/trim', { input: { url: `http://${host}:9/clip.mp4` }, start: 0, end: 1 }, { apiKey: alice.apiKey });
    expect([res.status, res.body.error?.code]).toEqual([422, 'URL_FORBIDDEN']);
  });

  it('cancels a running job: it stays canceled with no outputs', async () => {
    const long = await makeVideo(path.join(dir, 'long.mp4'), { durationS: 60, width: 1280, height: 720 });
    const up = await upload(sys, alice.apiKey, long);
    const job = await submit('trim', { input: { upload_id: up.body.id }, start: 0, end: 59, mode: 'precise', vertical: 'pad' });
    await waitForJob(sys, alice.apiKey, job.id, ['active', 'completed', 'failed']);
    const del = await sys.request('DELETE', `/v1/jobs/${job.id}`, { apiKey: alice.apiKey });
    expect(del.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    const after = await sys.get(`/v1/jobs/${job.id}`, { apiKey: alice.apiKey });
    expect(after.body).toMatchObject({ status: 'canceled', outputs: [] });
    const stored: string[] = [];
    for await (const o of sys.apps.gateway!.get(Storage).list(`users/${alice.userId}/outputs/`)) stored.push(o.key);
    expect(stored.filter((k) => k.includes(job.id))).toEqual([]);
  }, 120_000);

  it('signed links download without credentials, and refuse tampering and expiry', async () => {
    const job = await submit('trim', { input: { upload_id: clip }, start: 0, end: 1 });
    const done = await waitForJob(sys, alice.apiKey, job.id);
    const out = done.outputs.find((o: any) => o.content_type === 'video/mp4');
    const link = await sys.get(`/v1/jobs/${job.id}/outputs/${out.name}/url`, { apiKey: alice.apiKey });
    expect(link.status).toBe(200);
    expect(Date.parse(link.body.expires_at)).toBeGreaterThan(Date.now());
    const res = await fetch(sys.baseUrl + pathOf(link.body.url));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).length).toBe(out.size);
    const ranged = await fetch(sys.baseUrl + pathOf(link.body.url), { headers: { range: 'bytes=0-9' } });
    expect(ranged.status).toBe(206);
    const u = new URL(link.body.url);
    const tampered = await sys.get(`${u.pathname}?exp=${Number(u.searchParams.get('exp')) + 60}&sig=${u.searchParams.get('sig')}`);
    expect(tampered.status).toBe(403);
    const expired = await sys.get(`${u.pathname}?exp=1&sig=${u.searchParams.get('sig')}`);
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('LINK_EXPIRED');
    expect((await sys.get(`/v1/jobs/${job.id}/outputs/${out.name}`, { apiKey: bob.apiKey })).status).toBe(404);
  });

  it("retention deletes outputs past the plan's days, once, and downloads then answer 410", async () => {
    const carol = await signUp(sys);
    await setPlan(sys, carol.userId, 'free', { max_concurrent_jobs: -1 });
    const up = (await upload(sys, carol.apiKey, path.join(dir, 'src.mp4'))).body.id;
    const job = await submit('trim', { input: { upload_id: up }, start: 0, end: 1 }, carol);
    const done = await waitForJob(sys, carol.apiKey, job.id);
    expect(done.status).toBe('completed');
    const ds = sys.apps.gateway!.get(DataSource);
    await ds.query(`UPDATE jobs SET completed_at = now() - interval '8 days' WHERE id = $1`, [job.id]);
    await ds.query(`UPDATE uploads SET created_at = now() - interval '8 days' WHERE id = $1`, [up]);
    const sweeper = sys.apps.gateway!.get(RetentionSweeper);
    const first = await sweeper.runLocked();
    expect(first).toMatchObject({ jobs: 1, uploads: 1 });
    expect((await sweeper.runLocked())!.jobs).toBe(0);
    const after = await sys.get(`/v1/jobs/${job.id}`, { apiKey: carol.apiKey });
    expect(after.body.outputs).toEqual([]);
    expect(after.body.outputs_expired_at).toBeDefined();
    const gone = await sys.get(`/v1/jobs/${job.id}/outputs/${done.outputs[0].name}`, { apiKey: carol.apiKey });
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('OUTPUT_EXPIRED');
    const stored: string[] = [];
    for await (const o of sys.apps.gateway!.get(Storage).list(`users/${carol.userId}/`)) stored.push(o.key);
    expect(stored).toEqual([]);
  });
});
