import { QUEUES, type PayloadQueue } from '@clipyard/contracts';
import { Consumer, consumerMeta, Handle, routeHandlers, type ConsumerInstance } from './consumer';

/** A consumer of `queue` handling `names`, declared the way an app declares one. */
function consumer(queue: PayloadQueue, ...names: string[]): ConsumerInstance {
  @Consumer(queue)
  class FakeConsumer {
    @Handle(...names)
    async handle(): Promise<void> {}
  }
  const instance = new FakeConsumer();
  return { instance, meta: consumerMeta(instance)! };
}

describe('consumer handler routing (boot check)', () => {
  it('maps each consumed queue to its handlers', () => {
    const routes = routeHandlers([consumer(QUEUES.trim, 'trim'), consumer(QUEUES.overlay, 'overlay')]);
    expect([...routes.keys()].sort()).toEqual([QUEUES.overlay, QUEUES.trim]);
    expect(routes.get(QUEUES.trim)!.get('trim')!.owner).toBe('FakeConsumer');
  });

  it('refuses to start when a job name of a consumed queue has no handler', () => {
    expect(() => routeHandlers([consumer(QUEUES.jobEvents, 'job.started', 'job.progress', 'job.completed')])).toThrow(
      /no handler for job-events\/job.failed/,
    );
  });

  it('refuses to start when a job name has two handlers', () => {
    expect(() => routeHandlers([consumer(QUEUES.trim, 'trim'), consumer(QUEUES.trim, 'trim')])).toThrow(/two handlers for media-trim\/trim/);
  });

  it('refuses a handler for a job name its queue does not carry', () => {
    expect(() => routeHandlers([consumer(QUEUES.trim, 'overlay')])).toThrow(/queue media-trim has no job named overlay/);
  });
});
