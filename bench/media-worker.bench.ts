/**
 * Media worker: job pickup latency (enqueued → a worker starts it, BullMQ's own timestamps) on an
 * idle worker beside a bare BullMQ worker's add → start, and a fast trim's end-to-end time
 * (enqueue → job.completed event, including storage and events) beside the bare ffmpeg command
 * for the same cut, with the local storage driver and with S3 (s3rver standing in). The jobs carry
 * the upload's probe facts (`input_facts`) as the gateway sends them for a stored upload.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { QUEUES } from '@clipyard/contracts';
import { QueueClient } from '@clipyard/queue';
import { createStorage, storageConfigSchema, storageKey } from '@clipyard/storage';
import { createWorkerApp } from '../apps/media-worker/src/bootstrap';
import { makeVideo } from '../test/helpers/media';
import { QueueTap, waitFor } from '../test/helpers/queues';
import { startLocalS3 } from '../test/helpers/s3rver';
import { rawPickup } from './lib/raw-bullmq';
import { goalRow, report, summarize } from './lib/stats';

const run = promisify(execFile);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

/** One worker app on `driver`'s storage: pickup (BullMQ timestamps) and enqueue → job.completed for ROUNDS fast trims. */
async function throughWorker(dir: string, input: string, cut: { start: number; end: number }, storageEnv: Record<string, string>) {
  const prefix = `${process.env.REDIS_PREFIX ?? 'cyb'}-mw-${randomBytes(3).toString('hex')}`;
  const redis = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix };
  const env = { ...process.env, LOG_LEVEL: 'error', REDIS_PREFIX: prefix, WORKER_HTTP_PORT: '0', STORAGE_LOCAL_DIR: path.join(dir, 'storage'), WORKER_TMP_DIR: dir, ...storageEnv };
  const { app } = await createWorkerApp({ env });
  await app.init();
  const queues = new QueueClient(redis);
  const tap = new QueueTap(redis);
  const storage = createStorage(storageConfigSchema.parse({ STORAGE_URL_SECRET: 'bench-'.repeat(8), ...env }));
  const userId = randomUUID();
  const key = storageKey({ userId, area: 'inputs', id: randomUUID(), name: 'in.mp4' });
  await storage.putFile(key, input, { contentType: 'video/mp4' });
  const input_facts = { duration_s: 60, width: 1280, height: 720, content_type: 'video/mp4' };
  const pickup: number[] = [];
  const e2e: number[] = [];
  for (let i = 0; i < ROUNDS + 2; i++) {
    const jobId = randomUUID();
    const t0 = process.hrtime.bigint();
    await queues.add(QUEUES.trim, { name: 'trim', jobId, userId, params: { input: { key }, input_facts, ...cut, mode: 'fast' } }, { jobId });
    await waitFor(() => tap.events(jobId, 'job.completed')[0], 60_000, 'completion', 5);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const job = await queues.queue(QUEUES.trim).getJob(jobId);
    if (i < 2) continue; // warm-up
    e2e.push(ms);
    if (job?.processedOn) pickup.push(job.processedOn - job.timestamp);
  }
  await app.close();
  await Promise.allSettled([queues.close(), tap.close()]);
  return { pickup: summarize(pickup), e2e: summarize(e2e) };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cy-bench-mw-'));
  const input = await makeVideo(path.join(dir, 'in.mp4'), { durationS: 60, width: 1280, height: 720, gop: 50 });
  const cut = { start: 10, end: 40 };
  const s3 = await startLocalS3();
  try {
    const local = await throughWorker(dir, input, cut, { STORAGE_DRIVER: 'local' });
    const onS3 = await throughWorker(dir, input, cut, s3.env);
    const raw = await rawPickup(ROUNDS);
    const bare: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = process.hrtime.bigint();
      await run('ffmpeg', ['-nostdin', '-y', '-loglevel', 'error', '-ss', String(cut.start), '-i', input, '-t', String(cut.end - cut.start), '-map', '0:v:0?', '-map', '0:a:0?', '-c', 'copy', '-avoid_negative_ts', 'make_zero', '-movflags', '+faststart', path.join(dir, 'bare.mp4')]);
      bare.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const b = summarize(bare);
    report('Job pickup latency, idle worker (enqueue → processing starts, ms)', [
      { what: 'media-trim (BullMQ processedOn − timestamp), local', n: local.pickup.n, p50: local.pickup.p50, p99: local.pickup.p99 },
      { what: 'bare BullMQ worker, add → handler start', n: raw.n, p50: raw.p50, p99: raw.p99 },
    ]);
    report('Fast trim of 30 s from a 60 s 720p mp4 (ms)', [
      { what: 'through the worker, local storage (enqueue → job.completed)', n: local.e2e.n, p50: local.e2e.p50, p99: local.e2e.p99 },
      { what: 'through the worker, S3 (s3rver)', n: onS3.e2e.n, p50: onS3.e2e.p50, p99: onS3.e2e.p99 },
      { what: 'bare ffmpeg -c copy', n: b.n, p50: b.p50, p99: b.p99 },
    ]);
    const ms = (n: number) => `${Math.round(n)} ms p50`;
    goalRow({ path: 'fast trim through the worker (local storage) vs bare ffmpeg', measured: ms(local.e2e.p50), anchor: ms(b.p50), ratio: local.e2e.p50 / b.p50, goal: '<= 1.5' });
    goalRow({ path: 'fast trim through the worker (S3, s3rver) vs bare ffmpeg', measured: ms(onS3.e2e.p50), anchor: ms(b.p50), ratio: onS3.e2e.p50 / b.p50, goal: '<= 1.5' });
  } finally {
    await s3.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
