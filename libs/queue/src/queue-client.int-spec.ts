import { randomBytes, randomUUID } from 'node:crypto';
import { QUEUES } from '@clipyard/contracts';
import { QueueClient } from './queue-client';

describe('QueueClient (real Redis)', () => {
  const client = new QueueClient({
    url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    prefix: `${process.env.REDIS_PREFIX ?? 'cyt'}-qc-${randomBytes(3).toString('hex')}`,
  });
  afterAll(() => client.close());

  it('enqueues a valid payload under its discriminant name, with the contract version', async () => {
    const jobId = randomUUID();
    const id = await client.add(
      QUEUES.jobEvents,
      { name: 'job.progress', jobId, userId: randomUUID(), at: new Date().toISOString(), progress: 42 },
      { jobId: `progress:${jobId}` },
    );
    expect(id).toBe(`progress_${jobId}`);
    const job = await client.queue(QUEUES.jobEvents).getJob(id);
    expect(job?.name).toBe('job.progress');
    expect(job?.data).toMatchObject({ v: 1, progress: 42 });
  });

  it('refuses a payload that breaks the contract before it reaches Redis', async () => {
    await expect(
      client.add(QUEUES.jobEvents, { name: 'job.progress', jobId: 'nope', userId: randomUUID(), at: 'yesterday', progress: 900 } as never),
    ).rejects.toThrow();
    expect(await client.queue(QUEUES.jobEvents).count()).toBe(1);
  });

  it('enqueues a media job on its kind\'s queue under its name, its params validated by the registry', async () => {
    const jobId = randomUUID();
    const id = await client.addMedia('shorts', { jobId, userId: randomUUID(), params: { input: { key: 'k' }, count: 2, ai_provider: 'openai', ai_model: 'm' } }, { jobId });
    const job = await client.queue(QUEUES.hooks).getJob(id);
    expect(job?.name).toBe('shorts');
    expect(job?.data).toMatchObject({ v: 1, jobId, priority: 0, params: { count: 2, vertical: 'crop', subtitles: true } });
    await expect(client.addMedia('trim', { jobId: randomUUID(), userId: randomUUID(), params: { input: { key: 'k' }, start: 5, end: 1 } })).rejects.toThrow(/end must be after start/);
    expect(await client.queue(QUEUES.trim).count()).toBe(0);
  });

  it('prepares a media job in two steps: a bad payload is refused at once, a good one is queued only when added', async () => {
    const params = { input: { key: 'k' }, start: 1, end: 2 };
    expect(() => client.prepareMedia('trim', { jobId: randomUUID(), userId: randomUUID(), params: { ...params, end: 0 } })).toThrow(/end must be after start/);
    const jobId = randomUUID();
    const add = client.prepareMedia('trim', { jobId, userId: randomUUID(), priority: 3, params }, { jobId, priority: 3 });
    expect(await client.queue(QUEUES.trim).getJob(jobId)).toBeUndefined();
    expect(await add()).toBe(jobId);
    const job = await client.queue(QUEUES.trim).getJob(jobId);
    expect(job?.data).toMatchObject({ name: 'trim', v: 1, jobId, priority: 3, params: { mode: 'fast' } });
    expect(job?.opts).toMatchObject({ priority: 3, attempts: 5 });
  });
});
