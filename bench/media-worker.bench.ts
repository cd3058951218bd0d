/**
 * Media worker: job pickup latency (enqueued → a worker starts it, BullMQ's own timestamps) on an
 * idle worker, and a fast trim's end-to-end time (enqueue → job.completed event, including the
 * storage download/upload and events) beside the bare ffmpeg command for the same cut.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { QUEUES } from '@clipyard/contracts';
import { QueueClient } from '@clipyard/queue';
import { LocalStorage, LocalUrlSigner, storageKey } from '@clipyard/storage';
import { createWorkerApp } from '../apps/media-worker/src/bootstrap';
import { makeVideo } from '../test/helpers/media';
import { QueueTap, waitFor } from '../test/helpers/queues';
import { report, summarize } from './lib/stats';

const run = promisify(execFile);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cy-bench-mw-'));
  const prefix = `${process.env.REDIS_PREFIX ?? 'cyb'}-mw-${randomBytes(3).toString('hex')}`;
  const redis = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix };
  const storageDir = path.join(dir, 'storage');
  const { app } = await createWorkerApp({
    env: { ...process.env, LOG_LEVEL: 'error', REDIS_PREFIX: prefix, WORKER_HTTP_PORT: '0', STORAGE_LOCAL_DIR: storageDir, WORKER_TMP_DIR: dir },
  });
  await app.init();
  const queues = new QueueClient(redis);
  const tap = new QueueTap(redis);
  const storage = new LocalStorage(storageDir, new LocalUrlSigner('x'.repeat(32)));
  const input = await makeVideo(path.join(dir, 'in.mp4'), { durationS: 60, width: 1280, height: 720, gop: 50 });
  const userId = randomUUID();
  const key = storageKey({ userId, area: 'inputs', id: randomUUID(), name: 'in.mp4' });
  await storage.putFile(key, input);
  const cut = { start: 10, end: 40 };

  const pickup: number[] = [];
  const e2e: number[] = [];
  for (let i = 0; i < ROUNDS + 2; i++) {
    const jobId = randomUUID();
    const t0 = process.hrtime.bigint();
    await queues.add(QUEUES.trim, { name: 'trim', jobId, userId, params: { input: { key }, ...cut, mode: 'fast' } }, { jobId });
    await waitFor(() => tap.events(jobId, 'job.completed')[0], 60_000, 'completion', 5);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const job = await queues.queue(QUEUES.trim).getJob(jobId);
    if (i < 2) continue; // warm-up
    e2e.push(ms);
    if (job?.processedOn) pickup.push(job.processedOn - job.timestamp);
  }

  const bare: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = process.hrtime.bigint();
    await run('ffmpeg', ['-nostdin', '-y', '-loglevel', 'error', '-ss', String(cut.start), '-i', input, '-t', String(cut.end - cut.start), '-map', '0:v:0?', '-map', '0:a:0?', '-c', 'copy', '-avoid_negative_ts', 'make_zero', '-movflags', '+faststart', path.join(dir, 'bare.mp4')]);
    bare.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }

  const p = summarize(pickup);
  const w = summarize(e2e);
  const b = summarize(bare);
  report('Job pickup latency, idle worker (enqueue → processing starts, ms)', [{ what: 'media-trim', n: p.n, p50: p.p50, p99: p.p99 }]);
  report('Fast trim of 30 s from a 60 s 720p mp4 (ms)', [
    { what: 'through the worker (enqueue → job.completed)', n: w.n, p50: w.p50, p99: w.p99 },
    { what: 'bare ffmpeg -c copy', n: b.n, p50: b.p50, p99: b.p99 },
    { what: 'ratio worker/bare (p50)', n: w.n, p50: w.p50 / b.p50, p99: w.p99 / b.p99 },
  ]);
  await app.close();
  await Promise.allSettled([queues.close(), tap.close()]);
  await rm(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
