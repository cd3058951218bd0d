import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Worker } from 'bullmq';
import { bullPrefix, createRedis, QueueClient } from '@clipyard/queue';
import { QUEUES } from '@clipyard/contracts';
import { LocalStorage, LocalUrlSigner, storageKey } from '@clipyard/storage';
import { createWorkerApp } from '../bootstrap';
import { makeVideo } from '../../../../test/helpers/media';
import { fakeBilling, QueueTap, waitFor } from '../../../../test/helpers/queues';

/** Retries, the per-job time limit and graceful shutdown, each with its own worker app. */
const RPC_SECRET = 'test-rpc-secret-0123456789abcdef0123456789';
let dir: string;
let server: http.Server;
let base: string;
let hits = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cy-mwl-'));
  await makeVideo(path.join(dir, 'in.mp4'), { durationS: 6 });
  await makeVideo(path.join(dir, 'long.mp4'), { durationS: 30, width: 1280, height: 720 });
  // Answers 503 to the first request for /flaky.mp4, then the file.
  server = http.createServer((req, res) => {
    if (req.url === '/flaky.mp4' && hits++ === 0) {
      res.statusCode = 503;
      return res.end('try later');
    }
    createReadStream(path.join(dir, req.url === '/flaky.mp4' ? 'in.mp4' : path.basename(req.url!))).on('error', () => res.end()).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  server?.closeAllConnections();
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

const newRedis = () => ({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: `${process.env.REDIS_PREFIX ?? 'cyt'}-mwl-${randomBytes(3).toString('hex')}` });

async function boot(extra: Record<string, string> = {}, redis = newRedis()) {
  const prefix = redis.prefix;
  const storageDir = path.join(dir, `storage-${prefix}`);
  const tmpDir = await mkdtemp(path.join(dir, 'tmp-'));
  const { app } = await createWorkerApp({
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      REDIS_PREFIX: prefix,
      RPC_SECRET,
      WORKER_HTTP_PORT: '0',
      STORAGE_LOCAL_DIR: storageDir,
      WORKER_TMP_DIR: tmpDir,
      WORKER_PROGRESS_INTERVAL_MS: '1',
      ALLOW_PRIVATE_URLS: 'true',
      ...extra,
    },
  });
  await app.init();
  const queues = new QueueClient(redis);
  const tap = new QueueTap(redis);
  const billing = fakeBilling(redis, RPC_SECRET);
  const storage = new LocalStorage(storageDir, new LocalUrlSigner('x'.repeat(32)));
  let closed = false;
  const close = async () => {
    if (!closed) await app.close();
    closed = true;
    await Promise.allSettled([queues.close(), tap.close(), billing.close()]);
  };
  return { app: app as NestFastifyApplication, queues, tap, billing, storage, tmpDir, close, closeApp: async () => { closed = true; await app.close(); } };
}

it('retries a transient failure with backoff and completes once', async () => {
  const w = await boot();
  try {
    const userId = randomUUID();
    const jobId = randomUUID();
    await w.queues.add(QUEUES.trim, { name: 'trim', jobId, userId, params: { input: { url: `${base}/flaky.mp4` }, start: 1, end: 3 } }, { jobId });
    const done = await waitFor(() => w.tap.events(jobId, 'job.completed')[0], 60_000, 'completed after a retry');
    expect(done.outputs).toHaveLength(1);
    expect(w.tap.events(jobId, 'job.started').map((e) => e.attempt)).toEqual([1, 2]);
    expect(w.tap.events(jobId, 'job.failed')).toEqual([]);
    expect(w.billing.releases).toEqual([]);
  } finally {
    await w.close();
  }
});

it('kills ffmpeg at JOB_TIMEOUT_S and fails the job with JOB_TIMEOUT, without retrying', async () => {
  const w = await boot({ JOB_TIMEOUT_S: '1' });
  try {
    const userId = randomUUID();
    const jobId = randomUUID();
    const key = storageKey({ userId, area: 'inputs', id: randomUUID(), name: 'long.mp4' });
    await w.storage.putFile(key, path.join(dir, 'long.mp4'));
    await w.queues.add(QUEUES.trim, { name: 'trim', jobId, userId, params: { input: { key }, start: 0, end: 29, mode: 'precise', vertical: 'crop' } }, { jobId });
    const failed = await waitFor(() => w.tap.events(jobId, 'job.failed')[0], 30_000, 'job.failed');
    expect(failed.error.code).toBe('JOB_TIMEOUT');
    expect(w.tap.events(jobId, 'job.started')).toHaveLength(1);
    await waitFor(() => w.billing.releases.find((r) => r.jobId === jobId), 10_000, 'release');
    expect(w.billing.releases).toEqual([{ userId, jobId, reason: 'failed:JOB_TIMEOUT' }]);
    // the runner removes the job's temp folder in its `finally`, just after reporting
    await waitFor(async () => (await readdir(w.tmpDir)).length === 0, 10_000, 'temp folder removed');
  } finally {
    await w.close();
  }
});

it('graceful shutdown lets the running job finish before closing', async () => {
  const w = await boot();
  try {
    const userId = randomUUID();
    const jobId = randomUUID();
    const key = storageKey({ userId, area: 'inputs', id: randomUUID(), name: 'in.mp4' });
    await w.storage.putFile(key, path.join(dir, 'in.mp4'));
    await w.queues.add(QUEUES.trim, { name: 'trim', jobId, userId, params: { input: { key }, start: 0, end: 5, mode: 'precise', vertical: 'pad' } }, { jobId });
    await waitFor(() => w.tap.events(jobId, 'job.started').length, 30_000, 'started');
    await w.closeApp();
    // The app closed only after the job finished and reported.
    expect(w.tap.events(jobId, 'job.failed')).toEqual([]);
    const job = await w.queues.queue(QUEUES.trim).getJob(jobId);
    expect(await job!.getState()).toBe('completed');
    await waitFor(() => w.tap.events(jobId, 'job.completed')[0], 10_000, 'completed event');
  } finally {
    await w.close();
  }
});

it('a job whose workers keep dying fails with WORKER_LOST and releases its reservation', async () => {
  const redis = newRedis();
  const queues = new QueueClient(redis);
  const userId = randomUUID();
  const jobId = randomUUID();
  await queues.add(QUEUES.trim, { name: 'trim', jobId, userId, params: { input: { url: `${base}/in.mp4` }, start: 0, end: 1 } }, { jobId });
  // A worker takes the job and "dies": its lock disappears, and it had stalled once before.
  const conn = createRedis(redis);
  const doomed = new Worker(QUEUES.trim, null, { autorun: false, connection: conn, prefix: bullPrefix(redis) });
  expect((await doomed.getNextJob('doomed-token'))?.id).toBe(jobId);
  const jobKey = `${bullPrefix(redis)}:${QUEUES.trim}:${jobId}`;
  await conn.hset(jobKey, 'stc', '1');
  await conn.del(`${jobKey}:lock`);
  await doomed.close(true);
  await conn.quit();
  await queues.close();

  const w = await boot({ WORKER_MAX_STALLED_COUNT: '1', WORKER_STALLED_INTERVAL_MS: '300' }, redis);
  try {
    const failed = await waitFor(() => w.tap.events(jobId, 'job.failed')[0], 30_000, 'job.failed');
    expect(failed.error.code).toBe('WORKER_LOST');
    await waitFor(() => w.billing.releases.find((r) => r.jobId === jobId), 10_000, 'release');
    expect(w.billing.releases).toEqual([{ userId, jobId, reason: 'failed:WORKER_LOST' }]);
    const job = await w.queues.queue(QUEUES.trim).getJob(jobId);
    expect(await job!.getState()).toBe('failed');
    expect(job!.failedReason).toMatch(/stalled more than allowable limit/);
    expect(w.tap.events(jobId, 'job.started')).toEqual([]);
  } finally {
    await w.close();
  }
});
