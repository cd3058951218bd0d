import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { QUEUES } from '@clipyard/contracts';
import { Metrics } from '@clipyard/observability';
import { bullPrefix, createRedis, type RedisSettings } from './connection';
import { MEDIA_QUEUE_NAMES, QueueDepthMetrics } from './queue-metrics';

/**
 * The figure the media worker's autoscaler reads (KEDA's metrics-api trigger on
 * /metrics/queue-backlog, or the clipyard_queue_backlog gauge) against a real Redis: jobs submitted
 * with a plan's priority sit in BullMQ's `prioritized` set, not in `wait`, and must count.
 */
describe('media queue backlog (real Redis)', () => {
  const settings: RedisSettings = {
    url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    prefix: `${process.env.REDIS_PREFIX ?? 'cyt'}-backlog-${randomBytes(3).toString('hex')}`,
  };
  const conn = createRedis(settings);
  const metrics = new Metrics('gateway');
  const depth = new QueueDepthMetrics(settings, metrics);
  const trim = new Queue(QUEUES.trim, { connection: conn, prefix: bullPrefix(settings) });
  const overlay = new Queue(QUEUES.overlay, { connection: conn, prefix: bullPrefix(settings) });
  depth.onModuleInit();

  afterAll(async () => {
    await Promise.all([trim.obliterate({ force: true }), overlay.obliterate({ force: true })]);
    await Promise.all([trim.close(), overlay.close(), depth.onApplicationShutdown()]);
    await conn.quit();
  });

  it('counts prioritised and plain waiting jobs, not delayed ones, per media queue', async () => {
    await trim.add('trim', {}, { priority: 10 }); // free plan
    await trim.add('trim', {}, { priority: 1 }); // premium plan
    await trim.add('trim', {}); // no priority
    await trim.add('trim', {}, { delay: 60_000 }); // not runnable for a minute
    await overlay.add('overlay', {}, { priority: 5 });

    const backlog = await depth.backlog();
    expect(Object.keys(backlog).sort()).toEqual([...MEDIA_QUEUE_NAMES].sort());
    expect(backlog[QUEUES.trim]).toEqual({ backlog: 3, wait: 1, prioritized: 2, delayed: 1, active: 0, paused: false });
    expect(backlog[QUEUES.overlay]).toMatchObject({ backlog: 1, prioritized: 1 });
    expect(backlog[QUEUES.transcribe]).toMatchObject({ backlog: 0 });

    // the Prometheus gauge reports the same figure
    const text = await metrics.registry.metrics();
    expect(text).toMatch(new RegExp(`clipyard_queue_backlog\\{queue="${QUEUES.trim}",app="gateway"\\} 3`));
    expect(text).toMatch(new RegExp(`clipyard_queue_backlog\\{queue="${QUEUES.overlay}",app="gateway"\\} 1`));
  });

  it('reports 0 for a paused queue: adding workers would run nothing', async () => {
    await trim.pause();
    try {
      expect((await depth.backlog())[QUEUES.trim]).toMatchObject({ backlog: 0, paused: true });
    } finally {
      await trim.resume();
    }
    expect((await depth.backlog())[QUEUES.trim]).toMatchObject({ backlog: 3, paused: false });
  });
});
