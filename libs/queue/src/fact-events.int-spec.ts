import { randomBytes } from 'node:crypto';
import { Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { bullPrefix, createRedis, type RedisSettings } from './connection';
import { FACT_WORKER_OPTIONS, runFact } from './fact-events';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('runFact (real Redis)', () => {
  const s: RedisSettings = {
    url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    prefix: `${process.env.REDIS_PREFIX ?? 'cyt'}-fact-${randomBytes(3).toString('hex')}`,
  };
  const conns = [createRedis(s), createRedis(s), createRedis(s)];
  const queue = new Queue('facts', { connection: conns[0], prefix: bullPrefix(s) });
  const events = new QueueEvents('facts', { connection: conns[1], prefix: bullPrefix(s) });
  let worker: Worker;
  const calls = new Map<string, number>();

  beforeAll(async () => {
    worker = new Worker(
      'facts',
      (job, token) =>
        runFact(job, token, async () => {
          const n = (calls.get(job.data.id) ?? 0) + 1;
          calls.set(job.data.id, n);
          if (job.data.malformed) throw new UnrecoverableError('malformed');
          if (n <= job.data.outageFor) throw refused(); // the database is down for the first n tries
          if (job.data.bug) throw new TypeError('a bug');
          return `applied after ${n}`;
        }),
      { connection: conns[2], prefix: bullPrefix(s), ...FACT_WORKER_OPTIONS },
    );
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await worker.close();
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await Promise.all(conns.map((c) => c.quit()));
  });

  it('retries through an outage without using attempts (an event with 1 attempt survives 3 failed tries)', async () => {
    const job = await queue.add('fact', { id: 'a', outageFor: 3 }, { attempts: 1 });
    await expect(job.waitUntilFinished(events, 60_000)).resolves.toBe('applied after 4');
    const done = (await queue.getJob(job.id!))!;
    expect(done.attemptsStarted).toBe(4);
    expect(done.attemptsMade).toBe(1); // the run that succeeded; the three deferrals used none
    expect(await done.getState()).toBe('completed');
  }, 70_000);

  it('dead-letters a malformed event at once, and uses attempts for other errors', async () => {
    const bad = await queue.add('fact', { id: 'b', outageFor: 0, malformed: true }, { attempts: 5 });
    await expect(bad.waitUntilFinished(events, 30_000)).rejects.toThrow('malformed');
    expect(calls.get('b')).toBe(1);
    const bug = await queue.add('fact', { id: 'c', outageFor: 0, bug: true }, { attempts: 2, backoff: { type: 'fixed', delay: 10 } });
    await expect(bug.waitUntilFinished(events, 30_000)).rejects.toThrow('a bug');
    expect(calls.get('c')).toBe(2);
  }, 70_000);
});
