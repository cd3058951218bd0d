import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { QueueClient } from '@clipyard/queue';
import { QUEUES } from '@clipyard/contracts';
import { mp4Facts } from '@clipyard/media';
import { S3Storage, storageKey } from '@clipyard/storage';
import { createWorkerApp } from '../bootstrap';
import { makeVideo } from '../../../../test/helpers/media';
import { fakeBilling, QueueTap, waitFor } from '../../../../test/helpers/queues';
import { startLocalS3, type LocalS3 } from '../../../../test/helpers/s3rver';

// The worker on the S3 driver (s3rver): a trim of an upload with its probe facts reads the object
// through a presigned URL (no download into the temp folder) and stores its output as before.
const prefix = `${process.env.REDIS_PREFIX ?? 'cyt'}-mws3-${randomBytes(3).toString('hex')}`;
const redis = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix };
const RPC_SECRET = 'test-rpc-secret-0123456789abcdef0123456789';
const userId = randomUUID();

let dir: string;
let tmpDir: string;
let s3: LocalS3;
let storage: S3Storage;
let app: NestFastifyApplication;
let queues: QueueClient;
let tap: QueueTap;
let billing: ReturnType<typeof fakeBilling>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cy-mws3-'));
  tmpDir = await mkdtemp(path.join(dir, 'tmp-'));
  await makeVideo(path.join(dir, 'long.mp4'), { durationS: 20, width: 640, height: 360, gop: 25 });
  s3 = await startLocalS3();
  storage = new S3Storage({ bucket: s3.bucket, region: 'us-east-1', endpoint: s3.endpoint, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true });
  ({ app } = await createWorkerApp({
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', REDIS_PREFIX: prefix, RPC_SECRET, WORKER_HTTP_PORT: '0', WORKER_TMP_DIR: tmpDir, ...s3.env },
  }));
  await app.init();
  queues = new QueueClient(redis);
  tap = new QueueTap(redis);
  billing = fakeBilling(redis, RPC_SECRET);
}, 180_000);

afterAll(async () => {
  await app?.close();
  await Promise.allSettled([queues?.close(), tap?.close(), billing?.close()]);
  storage?.destroy();
  await s3?.stop();
  await rm(dir, { recursive: true, force: true });
});

const facts = { duration_s: 20, width: 640, height: 360, content_type: 'video/mp4' };
const trim = (jobId: string, key: string) =>
  queues.add(QUEUES.trim, { name: 'trim', jobId, userId, params: { input: { key }, input_facts: facts, start: 5, end: 9, mode: 'fast' } } as never, { jobId });

describe('media worker on S3', () => {
  it('trims an upload read in place through its presigned URL: output under the owner\'s prefix, the input\'s size metered, nothing left in temp', async () => {
    const jobId = randomUUID();
    const key = storageKey({ userId, area: 'inputs', id: randomUUID(), name: 'long.mp4' });
    await storage.putFile(key, path.join(dir, 'long.mp4'), { contentType: 'video/mp4' });
    // what the job's temp folder ever holds while it runs: its output, never a copy of the input
    const seen = new Set<string>();
    const watch = setInterval(async () => {
      for (const d of await readdir(tmpDir).catch(() => [])) for (const f of await readdir(path.join(tmpDir, d)).catch(() => [])) seen.add(f);
    }, 2);
    await trim(jobId, key);
    const done = await waitFor(() => tap.events(jobId, 'job.completed')[0], 60_000, 'job.completed').finally(() => clearInterval(watch));
    expect([...seen]).toContain('output.mp4');
    expect([...seen].filter((f) => f.startsWith('input'))).toEqual([]);
    const [out] = done.outputs;
    expect(out.key).toMatch(new RegExp(`^users/${userId}/outputs/\\d{4}-\\d{2}/${jobId}/output\\.mp4$`));
    await storage.download(out.key, path.join(dir, 'got.mp4'));
    const got = await mp4Facts(path.join(dir, 'got.mp4'));
    expect(got?.durationS).toBeGreaterThanOrEqual(4);
    expect(got?.durationS).toBeLessThan(5.2);
    expect(out.size).toBe((await stat(path.join(dir, 'got.mp4'))).size);
    const { size } = await stat(path.join(dir, 'long.mp4'));
    expect(done.result.input).toMatchObject({ bytes: size });
    const usage = await waitFor(() => tap.events(jobId, 'usage.job')[0], 10_000, 'usage.job');
    expect(usage.inputBytes).toBe(size);
    expect(await readdir(tmpDir)).toEqual([]);
  });

  it('a missing object fails at once with INPUT_NOT_FOUND, stores nothing and releases the reservation', async () => {
    const jobId = randomUUID();
    await trim(jobId, storageKey({ userId, area: 'inputs', id: randomUUID(), name: 'gone.mp4' }));
    const failed = await waitFor(() => tap.events(jobId, 'job.failed')[0], 30_000, 'job.failed');
    expect(failed.error.code).toBe('INPUT_NOT_FOUND');
    await waitFor(() => billing.releases.find((r) => r.jobId === jobId), 10_000, 'release');
    const left: string[] = [];
    for await (const o of storage.list(`users/${userId}/outputs/`)) if (o.key.includes(jobId)) left.push(o.key);
    expect(left).toEqual([]);
    expect(tap.events(jobId, 'usage.job')).toEqual([]);
    await waitFor(async () => (await readdir(tmpDir)).length === 0, 5_000, 'temp folder removed');
  });
});
