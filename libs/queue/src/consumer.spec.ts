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

describe('Batcher (batch-mode consumers)', () => {
  it('flushes at `size` items, gives each caller its own result, and flushes the rest after `waitMs`', async () => {
    const { Batcher } = await import('./consumer');
    const batches: number[][] = [];
    const b = new Batcher<number, number>(3, 20, async (items) => {
      batches.push(items);
      return items.map((i) => i * 10);
    });
    const out = await Promise.all([1, 2, 3, 4].map((i) => b.push(i)));
    expect(out).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('counts heavy items by their weight: a batch never outweighs `size` unless one item alone does', async () => {
    const { Batcher } = await import('./consumer');
    const batches: number[][] = [];
    const b = new Batcher<number, number>(
      10,
      20,
      async (items) => {
        batches.push(items);
        return items;
      },
      1,
      (n) => n,
    );
    // 4 + 5 wait (9 < 10); 3 would make 12: 4 + 5 go, then 3 + 6 (25 would make 34), then 25 alone
    await Promise.all([4, 5, 3, 6, 25].map((i) => b.push(i)));
    expect(batches).toEqual([[4, 5], [3, 6], [25]]);
  });

  it("fails every item of a batch with the handler's error, or when it returns the wrong number of results", async () => {
    const { Batcher } = await import('./consumer');
    const failing = new Batcher<number, number>(2, 5, async () => {
      throw new Error('database down');
    });
    await expect(Promise.all([failing.push(1), failing.push(2)].map((p) => p.catch((e: Error) => e.message)))).resolves.toEqual(['database down', 'database down']);
    const short = new Batcher<number, number>(2, 5, async () => []);
    await expect(short.push(1)).rejects.toThrow(/returned 0 results for 1 items/);
  });
});

describe('Batcher group commit', () => {
  it('gathers what arrives while a batch is written into the next one (one batch in flight)', async () => {
    const { Batcher } = await import('./consumer');
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const b = new Batcher<number, number>(100, 1, async (items) => {
      batches.push(items);
      if (batches.length === 1) await gate;
      return items;
    });
    const first = b.push(1);
    await new Promise((r) => setTimeout(r, 20)); // the first batch ([1]) is being written
    const later = [2, 3, 4].map((i) => b.push(i));
    await new Promise((r) => setTimeout(r, 20)); // due, but the only slot is taken
    expect(batches).toEqual([[1]]);
    release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });
});
