import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { QUEUES } from '@clipyard/contracts';
import { createDataSource, Database, GATEWAY_ENTITIES } from '@clipyard/database';
import { Metrics } from '@clipyard/observability';
import { QueueClient, startConsumers, type ConsumerHost } from '@clipyard/queue';
import { createStorage, storageConfigSchema, type Storage } from '@clipyard/storage';
import { loadGatewayConfig } from '../config';
import { JobEventsConsumer } from './job-events.consumer';
import { JobFiles } from './job-files';
import { JobLifecycle } from './job-lifecycle';
import { JobsRepository, type JobRecord } from './jobs.repository';

const until = async (fn: () => Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met');
};

describe('JobEventsConsumer (BullMQ + PostgreSQL)', () => {
  let ds: DataSource;
  let repo: JobsRepository;
  let consumer: ConsumerHost;
  let queues: QueueClient;
  const finished: JobRecord[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'jobev-'));
  let storage: Storage;
  const redis = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: `${process.env.REDIS_PREFIX ?? 'cyt'}-jobev` };

  beforeAll(async () => {
    ds = await createDataSource({ url: process.env.DATABASE_URL!, entities: GATEWAY_ENTITIES }).initialize();
    repo = new JobsRepository(new Database(ds));
    const logger = pino({ level: 'silent' });
    const lifecycle = new JobLifecycle(logger);
    lifecycle.onFinished((j) => void finished.push(j));
    storage = createStorage(storageConfigSchema.parse({ STORAGE_LOCAL_DIR: dir }));
    const files = new JobFiles(storage, logger);
    const config = loadGatewayConfig({ ...process.env, REDIS_PREFIX: redis.prefix });
    const metrics = new Metrics('test');
    consumer = startConsumers([new JobEventsConsumer(repo, lifecycle, files, metrics)], { redis, config, logger, metrics });
    queues = new QueueClient(redis);
  });
  afterAll(async () => {
    await consumer.close();
    await queues.queue(QUEUES.jobEvents).obliterate({ force: true });
    await queues.close();
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const newJob = (userId: string) =>
    repo.insert({ id: randomUUID(), userId, type: 'trim', params: {}, input: { key: 'k' }, uploadId: null, priority: 0, reservationId: null });
  const at = () => new Date().toISOString();

  it('applies started, progress and completed events, with a usage summary, and notifies listeners', async () => {
    const userId = randomUUID();
    const { id: jobId } = await newJob(userId);
    await queues.add(QUEUES.jobEvents, { name: 'job.started', jobId, userId, at: at(), attempt: 1 });
    await until(async () => (await repo.findOwned(userId, jobId))?.status === 'active');
    await queues.add(QUEUES.jobEvents, { name: 'job.progress', jobId, userId, at: at(), progress: 55 });
    await until(async () => (await repo.findOwned(userId, jobId))?.progress === 55);
    const outputs = [{ name: 'output.mp4', key: `users/${userId}/outputs/2026-11/${jobId}/output.mp4`, contentType: 'video/mp4', size: 1234 }];
    await queues.add(QUEUES.jobEvents, {
      name: 'job.completed',
      jobId,
      userId,
      at: at(),
      outputs,
      result: { duration_s: 3.04, processing_ms: 850 },
    });
    await until(async () => (await repo.findOwned(userId, jobId))?.status === 'completed');
    // A late progress event (e.g. from a retried attempt) does not move it back.
    await queues.add(QUEUES.jobEvents, { name: 'job.progress', jobId, userId, at: at(), progress: 20 });
    await queues.add(QUEUES.jobEvents, { name: 'job.failed', jobId, userId, at: at(), error: { code: 'X', message: 'late' } });
    await new Promise((r) => setTimeout(r, 500));
    const job = await repo.findOwned(userId, jobId);
    expect(job).toMatchObject({ status: 'completed', progress: 100, error: null, outputs, usage: { media_seconds: 3.04, processing_ms: 850, output_bytes: 1234 } });
    expect(job!.startedAt).toBeInstanceOf(Date);
    expect(finished.filter((j) => j.id === jobId).map((j) => j.status)).toEqual(['completed']);
  });

  it('records a failure with its code, and deletes the outputs a worker reports for a cancelled job', async () => {
    const userId = randomUUID();
    const failed = await newJob(userId);
    await queues.add(QUEUES.jobEvents, {
      name: 'job.failed',
      jobId: failed.id,
      userId,
      at: at(),
      error: { code: 'UNSUPPORTED_MEDIA', message: 'not a video' },
    });
    await until(async () => (await repo.findOwned(userId, failed.id))?.status === 'failed');
    expect((await repo.findOwned(userId, failed.id))!.error).toEqual({ code: 'UNSUPPORTED_MEDIA', message: 'not a video' });

    const canceled = await newJob(userId);
    await repo.cancel(userId, canceled.id);
    const key = `users/${userId}/outputs/2026-11/${canceled.id}/output.mp4`;
    await storage.put(key, Readable.from([Buffer.from('late output')]));
    await queues.add(QUEUES.jobEvents, {
      name: 'job.completed',
      jobId: canceled.id,
      userId,
      at: at(),
      outputs: [{ name: 'output.mp4', key, contentType: 'video/mp4', size: 1 }],
      result: {},
    });
    await until(async () => (await storage.stat(key)) === null);
    expect((await repo.findOwned(userId, canceled.id))!.status).toBe('canceled');
  });

  it('ignores events naming another owner, and drops malformed events', async () => {
    const userId = randomUUID();
    const { id: jobId } = await newJob(userId);
    await queues.add(QUEUES.jobEvents, { name: 'job.started', jobId, userId: randomUUID(), at: at(), attempt: 1 });
    await queues.queue(QUEUES.jobEvents).add('job.started', { name: 'job.started', jobId: 'nope' });
    await new Promise((r) => setTimeout(r, 500));
    expect((await repo.findOwned(userId, jobId))!.status).toBe('queued');
  });
});
