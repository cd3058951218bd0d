import pino from 'pino';
import { Metrics } from '@clipyard/observability';
import type { QueueClient } from '@clipyard/queue';
import type { GatewayConfig } from '../config';
import { RequestCounter } from './request-counter';

/** A queue client that records what it is given and can be told to fail. */
class FakeQueues {
  added: { payload: { userId: string; count: number; eventId: string } }[] = [];
  failing = false;
  async add(_q: string, payload: { userId: string; count: number; eventId: string }) {
    if (this.failing) throw new Error('redis down');
    this.added.push({ payload });
    return 'id';
  }
}

describe('RequestCounter', () => {
  const make = () => {
    const queues = new FakeQueues();
    const counter = new RequestCounter(
      queues as unknown as QueueClient,
      { USAGE_FLUSH_MS: 60_000 } as GatewayConfig,
      pino({ level: 'silent' }),
      new Metrics('gateway-test'),
    );
    return { queues, counter };
  };

  it('flushes one event per user with the count since the last flush, under unique event ids', async () => {
    const { queues, counter } = make();
    for (let i = 0; i < 7; i++) counter.count('u1');
    counter.count('u2');
    await counter.flush();
    expect(queues.added.map((a) => [a.payload.userId, a.payload.count])).toEqual([
      ['u1', 7],
      ['u2', 1],
    ]);
    counter.count('u1');
    await counter.flush();
    await counter.flush(); // nothing new: nothing sent
    expect(queues.added).toHaveLength(3);
    expect(new Set(queues.added.map((a) => a.payload.eventId)).size).toBe(3);
  });

  it('keeps the counts of a failed flush for the next one', async () => {
    const { queues, counter } = make();
    counter.count('u1');
    counter.count('u1');
    queues.failing = true;
    await counter.flush();
    counter.count('u1');
    queues.failing = false;
    await counter.flush();
    expect(queues.added.map((a) => a.payload.count)).toEqual([3]);
  });
});
