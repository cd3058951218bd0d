/**
 * Worker takeover: how long a job whose worker was SIGKILLed mid-ffmpeg waits before another worker
 * starts it again, with the configured lock and stalled-check settings (the defaults unless
 * WORKER_LOCK_DURATION_MS / WORKER_STALLED_INTERVAL_MS are set). Real processes (the compiled
 * worker); the second worker is already running when the first one dies, as in a scaled-out pool.
 * Measured up to the second worker's first progress event (ffmpeg restarted: ~1 s more than the takeover).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { QUEUES } from '@clipyard/contracts';
import { QueueClient } from '@clipyard/queue';
import { LocalStorage, LocalUrlSigner, storageKey } from '@clipyard/storage';
import { makeVideo } from '../test/helpers/media';
import { QueueTap, waitFor } from '../test/helpers/queues';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const VIDEO_S = Number(process.env.BENCH_VIDEO_S ?? 30);
const MAIN = path.resolve(__dirname, '../apps/media-worker/src/main.js');

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cy-bench-takeover-'));
  const prefix = `${process.env.REDIS_PREFIX ?? 'cyb'}-tk-${randomBytes(3).toString('hex')}`;
  const redis = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix };
  const env = { ...process.env, LOG_LEVEL: 'error', REDIS_PREFIX: prefix, WORKER_HTTP_PORT: '0', STORAGE_LOCAL_DIR: path.join(dir, 'storage'), WORKER_TMP_DIR: dir, WORKER_TRIM_CONCURRENCY: '1', WORKER_PROGRESS_INTERVAL_MS: '200' };
  const queues = new QueueClient(redis);
  const tap = new QueueTap(redis);
  const storage = new LocalStorage(env.STORAGE_LOCAL_DIR, new LocalUrlSigner('x'.repeat(32)));
  const input = await makeVideo(path.join(dir, 'in.mp4'), { durationS: VIDEO_S, width: 1280, height: 720 });
  const userId = randomUUID();
  const key = storageKey({ userId, area: 'inputs', id: randomUUID(), name: 'in.mp4' });
  await storage.putFile(key, input);
  const children: ChildProcess[] = [];
  const worker = () => {
    const c = spawn(process.execPath, [MAIN], { env, stdio: 'ignore' });
    children.push(c);
    return c;
  };
  const figures: number[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      const a = worker();
      await new Promise((r) => setTimeout(r, 3000)); // a boots first, so it takes the job
      const jobId = randomUUID();
      await queues.add(QUEUES.trim, { name: 'trim', jobId, userId, params: { input: { key }, start: 0, end: VIDEO_S - 1, mode: 'precise' } }, { jobId });
      await waitFor(() => tap.events(jobId, 'job.progress').length, 120_000, 'progress');
      const b = worker();
      await new Promise((r) => setTimeout(r, 3000)); // b is up and idle
      a.kill('SIGKILL');
      const killed = Date.now();
      await new Promise((r) => setTimeout(r, 300)); // progress already on its way from a
      const before = tap.events(jobId, 'job.progress').length;
      // b's ffmpeg reports progress again (a stalled job keeps its attempt number, so its job.started is deduplicated)
      await waitFor(() => tap.events(jobId, 'job.progress').length > before, 180_000, 'takeover');
      figures.push((Date.now() - killed) / 1000);
      // b finishes the job before the next round: killing it mid-job would leave this job stalled
      // for the next round's worker to take over first (it measured ~120 s that way)
      await waitFor(() => tap.events(jobId, 'job.completed').length, 600_000, 'completed');
      b.kill('SIGKILL');
    }
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await Promise.allSettled([queues.close(), tap.close()]);
    await rm(dir, { recursive: true, force: true });
  }
  const lock = process.env.WORKER_LOCK_DURATION_MS ?? 'default';
  const stalled = process.env.WORKER_STALLED_INTERVAL_MS ?? 'default';
  process.stdout.write(`worker takeover after SIGKILL (lock ${lock}, stalled interval ${stalled}): ${figures.map((f) => `${f.toFixed(1)} s`).join(', ')}\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
