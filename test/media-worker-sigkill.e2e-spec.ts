/**
 * Stalled-job recovery with real processes: the compiled worker (`npm test` builds dist first) is
 * SIGKILLed mid-ffmpeg; a second worker takes the job back once its lock expires and finishes it.
 * The job must complete exactly once, with exactly one usage event.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { QUEUES } from '@clipyard/contracts';
import { QueueClient } from '@clipyard/queue';
import { LocalStorage, LocalUrlSigner, storageKey } from '@clipyard/storage';
import { ffprobe, makeVideo } from './helpers/media';
import { QueueTap, waitFor } from './helpers/queues';

const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'dist/apps/media-worker/src/main.js');
const prefix = `${process.env.REDIS_PREFIX ?? 'cyt'}-kill-${randomBytes(3).toString('hex')}`;
const redis = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix };

let dir: string;
let env: Record<string, string | undefined>;
let queues: QueueClient;
let tap: QueueTap;
const children: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  child.on('exit', (code, signal) => {
    if (code && code !== 0) process.stderr.write(`worker exited ${code}/${signal}:\n${out.slice(-3000)}\n`);
  });
  children.push(child);
  return child;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cy-kill-'));
  env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    REDIS_PREFIX: prefix,
    WORKER_HTTP_PORT: '0',
    STORAGE_DRIVER: 'local',
    STORAGE_LOCAL_DIR: path.join(dir, 'storage'),
    WORKER_TMP_DIR: dir,
    WORKER_PROGRESS_INTERVAL_MS: '200',
    // A dead worker's job is taken back within a few seconds.
    WORKER_LOCK_DURATION_MS: '2000',
    WORKER_STALLED_INTERVAL_MS: '1000',
  };
  queues = new QueueClient(redis);
  tap = new QueueTap(redis);
}, 60_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await Promise.allSettled([queues?.close(), tap?.close()]);
  await rm(dir, { recursive: true, force: true });
});

it('a SIGKILLed worker’s job is picked up by another worker and completed exactly once', async () => {
  const userId = randomUUID();
  const jobId = randomUUID();
  const storage = new LocalStorage(env.STORAGE_LOCAL_DIR!, new LocalUrlSigner('x'.repeat(32)));
  const key = storageKey({ userId, area: 'inputs', id: randomUUID(), name: 'in.mp4' });
  await storage.putFile(key, await makeVideo(path.join(dir, 'in.mp4'), { durationS: 40, width: 1280, height: 720 }));
  await queues.add(
    QUEUES.trim,
    { name: 'trim', jobId, userId, params: { input: { key }, start: 0, end: 30, mode: 'precise', vertical: 'pad' } },
    { jobId },
  );

  const first = startWorker();
  await waitFor(() => tap.events(jobId, 'job.progress').length, 60_000, 'progress from the first worker');
  first.kill('SIGKILL');
  await new Promise((r) => first.once('exit', r));
  expect(tap.events(jobId, 'job.completed')).toEqual([]);

  startWorker();
  const done = await waitFor(() => tap.events(jobId, 'job.completed')[0], 90_000, 'completion by the second worker');
  await waitFor(() => tap.events(jobId, 'usage.job').length, 10_000, 'usage event');
  // Give a (wrong) second completion time to show up before counting.
  await new Promise((r) => setTimeout(r, 1500));
  expect(tap.events(jobId, 'job.completed')).toHaveLength(1);
  expect(tap.events(jobId, 'usage.job')).toHaveLength(1);
  expect(tap.events(jobId, 'usage.job')[0].eventId).toBe(`job:${jobId}:completed`);
  await waitFor(async () => (await (await queues.queue(QUEUES.trim).getJob(jobId))?.getState()) === 'completed', 10_000, 'bull job completed');
  const out = path.join(dir, 'out.mp4');
  await storage.download(done.outputs[0].key, out);
  const got = await ffprobe(out);
  expect(Math.abs(got.durationS - 30)).toBeLessThanOrEqual(0.05);
  expect(got.width! * 16).toBe(got.height! * 9);
}, 180_000);

it('a SIGTERMed worker (a scale-in) finishes the job it is running, counts it once, then exits cleanly', async () => {
  // only the worker started here may run the job
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  const userId = randomUUID();
  const jobId = randomUUID();
  const storage = new LocalStorage(env.STORAGE_LOCAL_DIR!, new LocalUrlSigner('x'.repeat(32)));
  const key = storageKey({ userId, area: 'inputs', id: randomUUID(), name: 'in.mp4' });
  await storage.putFile(key, await makeVideo(path.join(dir, 'in-term.mp4'), { durationS: 30, width: 1280, height: 720 }));
  await queues.add(
    QUEUES.trim,
    { name: 'trim', jobId, userId, params: { input: { key }, start: 0, end: 20, mode: 'precise', vertical: 'pad' } },
    { jobId },
  );

  const worker = startWorker();
  await waitFor(() => tap.events(jobId, 'job.progress').length, 60_000, 'progress before the SIGTERM');
  expect(tap.events(jobId, 'job.completed')).toEqual([]);
  const exited = new Promise<[number | null, string | null]>((r) => worker.once('exit', (code, signal) => r([code, signal])));
  worker.kill('SIGTERM');
  // no second worker: the one being drained must finish the job itself, and only then exit (Nest
  // re-raises SIGTERM once shutdown is done; exit code 1 would mean the grace period ran out)
  await waitFor(() => tap.events(jobId, 'job.completed')[0], 90_000, 'completion by the draining worker');
  const [code, signal] = await exited;
  expect({ code, signal }).toEqual(code === 0 ? { code: 0, signal: null } : { code: null, signal: 'SIGTERM' });
  await waitFor(() => tap.events(jobId, 'usage.job').length, 10_000, 'usage event');
  expect(tap.events(jobId, 'job.completed')).toHaveLength(1);
  expect(tap.events(jobId, 'job.failed')).toEqual([]);
  expect(tap.events(jobId, 'usage.job')).toHaveLength(1);
  expect(await (await queues.queue(QUEUES.trim).getJob(jobId))?.getState()).toBe('completed');
}, 180_000);
