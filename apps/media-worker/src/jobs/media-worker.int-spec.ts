import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createRedis, QueueClient } from '@clipyard/queue';
import { Metrics } from '@clipyard/observability';
import { mediaCancelChannel, QUEUES } from '@clipyard/contracts';
import { LocalStorage, LocalUrlSigner, storageKey, storagePrefix } from '@clipyard/storage';
import { createWorkerApp } from '../bootstrap';
import { loadWorkerConfig } from '../config';
import { ffprobe, makeCorrupt, makeImage, makeVideo } from '../../../../test/helpers/media';
import { fakeBilling, QueueTap, waitFor } from '../../../../test/helpers/queues';
import { childrenNamed, threadNiceness } from '../../../../test/helpers/processes';

const prefix = `${process.env.REDIS_PREFIX ?? 'cyt'}-mw-${randomBytes(3).toString('hex')}`;
const redis = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix };
const RPC_SECRET = 'test-rpc-secret-0123456789abcdef0123456789';
/** This process's niceness, and the worker's MEDIA_NICE: a level above it (not the default, 10). */
const ownNice = os.getPriority();
const MEDIA_NICE = Math.min(19, Math.max(13, ownNice + 1));

let dir: string;
let storageDir: string;
let tmpDir: string;
let app: NestFastifyApplication;
let queues: QueueClient;
let tap: QueueTap;
let billing: ReturnType<typeof fakeBilling>;
let storage: LocalStorage;
let server: http.Server;
let base: string;
const userId = randomUUID();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cy-mw-'));
  storageDir = path.join(dir, 'storage');
  tmpDir = await mkdtemp(path.join(dir, 'tmp-'));
  storage = new LocalStorage(storageDir, new LocalUrlSigner('x'.repeat(32)));
  await makeVideo(path.join(dir, 'in.mp4'), { durationS: 8 });
  await makeVideo(path.join(dir, 'long.mp4'), { durationS: 40, width: 1280, height: 720 });
  await makeImage(path.join(dir, 'pic.png'));
  server = http.createServer((req, res) => createReadStream(path.join(dir, path.basename(req.url!))).on('error', () => res.end()).pipe(res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ({ app } = await createWorkerApp({
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      REDIS_PREFIX: prefix,
      RPC_SECRET,
      WORKER_HTTP_PORT: '0',
      STORAGE_DRIVER: 'local',
      STORAGE_LOCAL_DIR: storageDir,
      WORKER_TMP_DIR: tmpDir,
      WORKER_PROGRESS_INTERVAL_MS: '1',
      ALLOW_PRIVATE_URLS: 'true',
      MEDIA_NICE: String(MEDIA_NICE),
    },
  }));
  await app.init();
  queues = new QueueClient(redis);
  tap = new QueueTap(redis);
  billing = fakeBilling(redis, RPC_SECRET);
}, 180_000);

afterAll(async () => {
  await app?.close();
  await Promise.allSettled([queues?.close(), tap?.close(), billing?.close()]);
  server?.closeAllConnections();
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

async function upload(name: string, file: string): Promise<string> {
  const key = storageKey({ userId, area: 'inputs', id: randomUUID(), name });
  await storage.putFile(key, path.join(dir, file));
  return key;
}

const enqueue = (queue: typeof QUEUES.trim | typeof QUEUES.overlay, jobId: string, params: Record<string, unknown>) =>
  queues.add(queue, { name: queue === QUEUES.trim ? 'trim' : 'overlay', jobId, userId, params } as never, { jobId });

describe('media worker', () => {
  it('runs a trim job end to end: events, outputs in storage, one usage event, temp folder removed', async () => {
    const jobId = randomUUID();
    const key = await upload('in.mp4', 'in.mp4');
    await enqueue(QUEUES.trim, jobId, { input: { key }, start: 1, end: 4.5, mode: 'precise', thumbnail: true });
    const done = await waitFor(() => tap.events(jobId, 'job.completed')[0], 60_000, 'job.completed');
    await waitFor(() => tap.events(jobId, 'usage.job').length, 10_000, 'usage.job');
    expect(tap.events(jobId, 'job.started')).toEqual([expect.objectContaining({ userId, attempt: 1 })]);
    const progress = tap.events(jobId, 'job.progress').map((e) => e.progress);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const month = new Date().toISOString().slice(0, 7);
    const folder = storagePrefix({ userId, area: 'outputs', id: jobId });
    expect(folder).toBe(`users/${userId}/outputs/${month}/${jobId}/`);
    expect(done.outputs).toEqual([
      { name: 'output.mp4', key: `${folder}output.mp4`, contentType: 'video/mp4', size: expect.any(Number) },
      { name: 'thumbnail.jpg', key: `${folder}thumbnail.jpg`, contentType: 'image/jpeg', size: expect.any(Number) },
    ]);
    expect(done.result.duration_s).toBeCloseTo(3.5, 1);
    const local = path.join(dir, 'check.mp4');
    await storage.download(done.outputs[0].key, local);
    expect(Math.abs((await ffprobe(local)).durationS - 3.5)).toBeLessThanOrEqual(0.05);
    const usage = tap.events(jobId, 'usage.job');
    expect(usage).toEqual([
      expect.objectContaining({ eventId: `job:${jobId}:completed`, action: 'trim', units: 1, userId, outputBytes: done.outputs[0].size + done.outputs[1].size }),
    ]);
    expect(usage[0].inputBytes).toBeGreaterThan(0);
    expect(usage[0].mediaSeconds).toBeCloseTo(3.5, 1);
    expect(tap.seen.find((s) => s.data.name === 'usage.job' && s.data.jobId === jobId)!.id).toBe(`usage_job_${jobId}_completed`);
    expect(await readdir(tmpDir)).toEqual([]);
    expect(billing.releases.filter((r) => r.jobId === jobId)).toEqual([]);
    const metrics = await app.get(Metrics).registry.getSingleMetricAsString('media_job_duration_seconds');
    expect(metrics).toMatch(/media_job_duration_seconds_count\{[^}]*type="trim"[^}]*outcome="completed"[^}]*\} [1-9]/);
  });

  it('fails a corrupt input at once with UNSUPPORTED_MEDIA and releases the reservation', async () => {
    const jobId = randomUUID();
    await makeCorrupt(path.join(dir, 'bad.mp4'));
    const key = await upload('bad.mp4', 'bad.mp4');
    await enqueue(QUEUES.trim, jobId, { input: { key }, start: 0, end: 1 });
    const failed = await waitFor(() => tap.events(jobId, 'job.failed')[0], 30_000, 'job.failed');
    expect(failed.error.code).toBe('UNSUPPORTED_MEDIA');
    // job.failed goes out just before BullMQ records the failure: wait for the latter.
    const job = await waitFor(async () => {
      const j = await queues.queue(QUEUES.trim).getJob(jobId);
      return j?.finishedOn ? j : null;
    }, 10_000, 'bull job failed');
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    await waitFor(() => billing.releases.find((r) => r.jobId === jobId), 10_000, 'quota.release');
    expect(billing.releases.filter((r) => r.jobId === jobId)).toEqual([{ userId, jobId, reason: 'failed:UNSUPPORTED_MEDIA' }]);
    expect(tap.events(jobId, 'usage.job')).toEqual([]);
  });

  it('refuses an input key outside the owner folder, and an out-of-range trim', async () => {
    const other = storageKey({ userId: randomUUID(), area: 'inputs', id: randomUUID(), name: 'in.mp4' });
    await storage.putFile(other, path.join(dir, 'in.mp4'));
    const a = randomUUID();
    const b = randomUUID();
    await enqueue(QUEUES.trim, a, { input: { key: other }, start: 0, end: 1 });
    await enqueue(QUEUES.trim, b, { input: { key: await upload('in.mp4', 'in.mp4') }, start: 20, end: 30 });
    const fa = await waitFor(() => tap.events(a, 'job.failed')[0], 30_000, 'job.failed a');
    const fb = await waitFor(() => tap.events(b, 'job.failed')[0], 30_000, 'job.failed b');
    expect(fa.error.code).toBe('INPUT_NOT_FOUND');
    expect(fb.error.code).toBe('TRIM_OUT_OF_RANGE');
  });

  it('overlays text on an image fetched from a URL, and refuses metadata URLs with URL_FORBIDDEN', async () => {
    const ok = randomUUID();
    const bad = randomUUID();
    await enqueue(QUEUES.overlay, ok, { input: { url: `${base}/pic.png` }, text: "Hi: it's 100% %{localtime}", template: 'lower_third', overrides: { duration: 2 } });
    await enqueue(QUEUES.overlay, bad, { input: { url: 'http://169.254.169.254/latest/meta-data/' }, text: 'x' });
    const done = await waitFor(() => tap.events(ok, 'job.completed')[0], 60_000, 'overlay completed');
    expect(done.result).toMatchObject({ template: 'lower_third', from_image: true });
    expect(done.result.duration_s).toBeCloseTo(2, 1);
    const usage = await waitFor(() => tap.events(ok, 'usage.job')[0], 10_000, 'usage');
    expect(usage).toMatchObject({ action: 'overlay', template: 'lower_third', customOverrides: { duration: 2 } });
    const failed = await waitFor(() => tap.events(bad, 'job.failed')[0], 30_000, 'url forbidden');
    expect(failed.error.code).toBe('URL_FORBIDDEN');
  });

  it('fails a payload whose params do not match its kind (another producer version) at once, naming the field', async () => {
    const jobId = randomUUID();
    // past the typed client: what an older or newer gateway could have written
    await queues.queue(QUEUES.trim).add('trim', { name: 'trim', v: 1, jobId, userId, priority: 0, params: { input: { key: 'k' }, start: 0 } }, { jobId, attempts: 3 });
    const failed = await waitFor(() => tap.events(jobId, 'job.failed')[0], 30_000, 'job.failed');
    expect(failed.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Invalid job parameters: end: /) });
    await waitFor(() => billing.releases.find((r) => r.jobId === jobId), 10_000, 'quota.release');
    expect(billing.releases.filter((r) => r.jobId === jobId)).toEqual([{ userId, jobId, reason: 'failed:VALIDATION_FAILED' }]);
    expect(tap.events(jobId, 'job.started')).toEqual([]);
    expect((await queues.queue(QUEUES.trim).getJob(jobId))?.attemptsMade).toBe(1);
  });

  it("runs a job's ffmpeg, every thread of it, at MEDIA_NICE while the worker keeps its own priority", async () => {
    const jobId = randomUUID();
    const key = await upload('long.mp4', 'long.mp4');
    await enqueue(QUEUES.trim, jobId, { input: { key }, start: 0, end: 39, mode: 'precise' });
    // progress comes from ffmpeg's stats lines: it is encoding, its encoder threads started
    await waitFor(() => tap.events(jobId, 'job.progress').length, 30_000, 'progress');
    const [pid] = await waitFor(() => {
      const p = childrenNamed('ffmpeg');
      return p.length ? p : null;
    }, 10_000, 'the job ffmpeg');
    const threads = threadNiceness(pid);
    expect(Object.keys(threads).length).toBeGreaterThan(1);
    expect(new Set(Object.values(threads))).toEqual(new Set([MEDIA_NICE]));
    expect(new Set(Object.values(threadNiceness(process.pid)))).toEqual(new Set([ownNice]));
    const pub = createRedis(redis);
    await pub.publish(mediaCancelChannel(prefix), jobId);
    await pub.quit();
    await waitFor(() => billing.releases.find((r) => r.jobId === jobId), 15_000, 'quota.release');
  });

  it('cancel kills ffmpeg, deletes outputs, releases quota and emits nothing further', async () => {
    const jobId = randomUUID();
    const key = await upload('long.mp4', 'long.mp4');
    await enqueue(QUEUES.trim, jobId, { input: { key }, start: 0, end: 39, mode: 'precise', vertical: 'pad' });
    await waitFor(() => tap.events(jobId, 'job.progress').length, 30_000, 'progress');
    const pub = createRedis(redis);
    await pub.publish(mediaCancelChannel(prefix), jobId);
    await pub.quit();
    await waitFor(() => billing.releases.find((r) => r.jobId === jobId), 15_000, 'quota.release');
    expect(billing.releases.filter((r) => r.jobId === jobId)).toEqual([{ userId, jobId, reason: 'canceled' }]);
    const job = await waitFor(async () => {
      const j = await queues.queue(QUEUES.trim).getJob(jobId);
      return j?.finishedOn ? j : null;
    }, 10_000, 'bull job failed');
    expect(job.failedReason).toMatch(/^CANCELED/);
    expect(tap.events(jobId, 'job.completed')).toEqual([]);
    expect(tap.events(jobId, 'job.failed')).toEqual([]);
    const left: string[] = [];
    for await (const o of storage.list(`users/${userId}/outputs/`)) if (o.key.includes(jobId)) left.push(o.key);
    expect(left).toEqual([]);
    await waitFor(async () => (await readdir(tmpDir)).length === 0, 5_000, 'temp folder removed');
  });
});

describe('worker configuration', () => {
  it('refuses private URLs unless ALLOW_PRIVATE_URLS is set', () => {
    expect(loadWorkerConfig({}).ALLOW_PRIVATE_URLS).toBe(false);
    expect(loadWorkerConfig({ ALLOW_PRIVATE_URLS: 'true' }).ALLOW_PRIVATE_URLS).toBe(true);
  });

  it('runs the media tools at nice 10 unless MEDIA_NICE says otherwise (0-19)', () => {
    expect(loadWorkerConfig({}).MEDIA_NICE).toBe(10);
    expect(loadWorkerConfig({ MEDIA_NICE: '0' }).MEDIA_NICE).toBe(0);
    expect(loadWorkerConfig({ MEDIA_NICE: '19' }).MEDIA_NICE).toBe(19);
    for (const bad of ['20', '-1', '5.5', 'low']) expect(() => loadWorkerConfig({ MEDIA_NICE: bad })).toThrow(/MEDIA_NICE/);
  });
});
