import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource, Database, GATEWAY_ENTITIES } from '@clipyard/database';
import { JobsRepository, type NewJob } from './jobs.repository';

describe('JobsRepository (PostgreSQL)', () => {
  let ds: DataSource;
  let repo: JobsRepository;
  const newJob = (userId: string, over: Partial<NewJob> = {}): NewJob => ({
    id: randomUUID(),
    userId,
    type: 'trim',
    params: { start: 1, end: 2 },
    input: { url: 'https://example.com/a.mp4' },
    uploadId: null,
    priority: 0,
    reservationId: 'r1',
    ...over,
  });

  beforeAll(async () => {
    ds = await createDataSource({ url: process.env.DATABASE_URL!, entities: GATEWAY_ENTITIES }).initialize();
    repo = new JobsRepository(new Database(ds));
  });
  afterAll(() => ds.destroy());

  it('finds a job only for its owner', async () => {
    const owner = randomUUID();
    const job = await repo.insert(newJob(owner));
    expect(job).toMatchObject({ status: 'queued', progress: 0, outputs: [], userId: owner });
    expect(await repo.findOwned(owner, job.id)).toMatchObject({ id: job.id });
    expect(await repo.findOwned(randomUUID(), job.id)).toBeNull();
  });

  it('lists newest first with a keyset cursor and filters, without duplicates or gaps', async () => {
    const owner = randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await repo.insert(newJob(owner, { type: i % 2 ? 'overlay' : 'trim' }))).id);
    await repo.insert(newJob(randomUUID()));
    const seen: string[] = [];
    let before: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const page = await repo.list(owner, { limit: 3, before });
      seen.push(...page.map((j) => j.id));
      if (page.length < 3) break;
      const last = page[page.length - 1];
      before = { createdAt: last.createdAt, id: last.id };
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(ids));
    const overlays = await repo.list(owner, { limit: 10, type: 'overlay' });
    expect(overlays.map((j) => j.type)).toEqual(['overlay', 'overlay', 'overlay']);
  });

  it('only moves a job forward: late progress or duplicate events never undo a finished job', async () => {
    const owner = randomUUID();
    const { id } = await repo.insert(newJob(owner));
    expect(await repo.markStarted(owner, id, new Date(), 1)).toBe(true);
    expect(await repo.setProgress(owner, id, 40)).toBe(true);
    expect(await repo.setProgress(owner, id, 30)).toBe(false);
    const done = await repo.markCompleted(owner, id, new Date(), [{ name: 'out.mp4', key: 'k', contentType: 'video/mp4', size: 5 }], {}, null);
    expect(done).toMatchObject({ status: 'completed', progress: 100 });
    expect(await repo.setProgress(owner, id, 99)).toBe(false);
    expect(await repo.markStarted(owner, id, new Date(), 2)).toBe(false);
    expect(await repo.markFailed(owner, id, new Date(), { code: 'X', message: 'x' })).toBeNull();
    expect(await repo.cancel(owner, id)).toBeNull();
    const after = await repo.findOwned(owner, id);
    expect(after).toMatchObject({ status: 'completed', progress: 100, error: null });
    expect(after!.outputs).toHaveLength(1);
    expect(Number(after!.revision)).toBe(Number(done!.revision));
  });

  it('cancels a running job once, reporting the status it had; events from another user change nothing', async () => {
    const owner = randomUUID();
    const { id } = await repo.insert(newJob(owner));
    expect(await repo.markStarted(randomUUID(), id, new Date(), 1)).toBe(false);
    await repo.markStarted(owner, id, new Date(), 1);
    expect(await repo.cancel(randomUUID(), id)).toBeNull();
    const c = await repo.cancel(owner, id);
    expect(c).toMatchObject({ was: 'active', job: { id, status: 'canceled' } });
    expect(c!.job.completedAt).toBeInstanceOf(Date);
    expect(await repo.cancel(owner, id)).toBeNull();
    expect(await repo.markCompleted(owner, id, new Date(), [], {}, null)).toBeNull();
  });

  it('counts by type and status, and finds outputs due for retention', async () => {
    const owner = randomUUID();
    const a = await repo.insert(newJob(owner));
    const b = await repo.insert(newJob(owner, { type: 'overlay' }));
    await repo.markCompleted(owner, a.id, new Date(Date.now() - 3 * 86400_000), [], {}, null);
    await repo.markFailed(owner, b.id, new Date(), { code: 'UNSUPPORTED_MEDIA', message: 'bad' });
    expect(await repo.countsByTypeAndStatus(owner)).toEqual(
      expect.arrayContaining([
        { type: 'trim', status: 'completed', count: 1 },
        { type: 'overlay', status: 'failed', count: 1 },
      ]),
    );
    const cutoff = new Date(Date.now() - 2 * 86400_000);
    expect(await repo.usersWithOutputsBefore(cutoff, 1000)).toContain(owner);
    expect((await repo.outputsDue(owner, cutoff, 10)).map((j) => j.id)).toEqual([a.id]);
    expect(await repo.markOutputsExpired(owner, [a.id])).toBe(1);
    expect(await repo.markOutputsExpired(owner, [a.id])).toBe(0);
    expect(await repo.outputsDue(owner, cutoff, 10)).toEqual([]);
  });
});
