import pino from 'pino';
import { USAGE_BULK_MAX } from '@clipyard/contracts';
import { Metrics } from '@clipyard/observability';
import { UsageSender, type QueueClient } from '@clipyard/queue';
import type { GatewayConfig } from '../config';
import { RequestCounter } from './request-counter';

type Sent = { userId: string; count: number; eventId: string };

/** A queue client that records the events of each message it is given and can be told to fail. */
class FakeQueues {
  added: { payload: Sent }[] = [];
  messages: { jobId?: string; events: number }[] = [];
  failing = false;
  /** Fail only the message whose id ends so (one chunk of a flush). */
  failingJobId?: RegExp;
  async add(_q: string, message: { name: string; events?: Sent[] } & Partial<Sent>, opts: { jobId?: string } = {}) {
    if (this.failing || (this.failingJobId && opts.jobId && this.failingJobId.test(opts.jobId))) throw new Error('redis down');
    const events = message.name === 'usage.bulk' ? message.events! : [message as Sent];
    this.messages.push({ jobId: opts.jobId, events: events.length });
    for (const payload of events) this.added.push({ payload });
    return 'id';
  }
}

describe('RequestCounter', () => {
  const make = () => {
    const queues = new FakeQueues();
    const counter = new RequestCounter(
      new UsageSender(queues as unknown as QueueClient),
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

  it('sends a flush in messages of at most USAGE_BULK_MAX events; a failed message keeps only its own counts', async () => {
    const { queues, counter } = make();
    const users = Array.from({ length: USAGE_BULK_MAX + 10 }, (_, i) => `u${i}`);
    for (const u of users) counter.count(u);
    queues.failingJobId = /:1$/; // the second message (the last 10 users)
    await counter.flush();
    expect(queues.messages.map((m) => m.events)).toEqual([USAGE_BULK_MAX]);
    queues.failingJobId = undefined;
    await counter.flush();
    expect(queues.messages.map((m) => m.events)).toEqual([USAGE_BULK_MAX, 10]);
    expect(queues.added.map((a) => a.payload.userId).sort()).toEqual([...users].sort());
    expect(queues.added.every((a) => a.payload.count === 1)).toBe(true);
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
