import { QUEUES, USAGE_BULK_MAX, type UsageEventInput } from '@clipyard/contracts';
import { Batcher } from './batcher';
import type { QueueClient } from './queue-client';

/**
 * Sends usage events to billing many per queue message, since the queue's cost is per message
 * (a BullMQ job), not per event. `send` is a group commit: events sent while another message is
 * being added go out together in one `usage.bulk` job, and each caller's promise settles once
 * the message holding its event is in Redis (so a caller that awaits it loses nothing it was
 * told was sent). A lone event goes as itself, under `usage:<eventId>`. Exactly-once rests on
 * each event's own id, whichever message carried it.
 */
export class UsageSender {
  private readonly batcher: Batcher<UsageEventInput, void>;

  constructor(
    private readonly queues: QueueClient,
    /** Messages being added at once; what arrives meanwhile waits and goes out together. */
    inFlight = 2,
  ) {
    // waitMs 0: an idle sender adds at once (next timer turn); batches grow only under load
    this.batcher = new Batcher(USAGE_BULK_MAX, 0, (events) => this.add(events), inFlight);
  }

  /** Sends one event; resolves when the message carrying it is on the queue. */
  send(event: UsageEventInput): Promise<void> {
    return this.batcher.push(event);
  }

  /**
   * Sends events known together (a flush) in messages of up to USAGE_BULK_MAX, each under
   * `<jobIdPrefix>:<n>` so that a retried add of the same chunk is one message. One result per
   * message, with the events it carried.
   */
  async sendMany(events: UsageEventInput[], jobIdPrefix: string): Promise<Array<{ events: UsageEventInput[]; error?: unknown }>> {
    const chunks: UsageEventInput[][] = [];
    for (let i = 0; i < events.length; i += USAGE_BULK_MAX) chunks.push(events.slice(i, i + USAGE_BULK_MAX));
    const results = await Promise.allSettled(
      chunks.map((chunk, n) => this.queues.add(QUEUES.usageEvents, { name: 'usage.bulk', events: chunk }, { jobId: `${jobIdPrefix}:${n}` })),
    );
    return chunks.map((chunk, n) => {
      const r = results[n];
      return r.status === 'rejected' ? { events: chunk, error: r.reason } : { events: chunk };
    });
  }

  private async add(events: UsageEventInput[]): Promise<void[]> {
    if (events.length === 1) await this.queues.add(QUEUES.usageEvents, events[0], { jobId: `usage:${events[0].eventId}` });
    else await this.queues.add(QUEUES.usageEvents, { name: 'usage.bulk', events });
    return events.map(() => undefined);
  }

  /** Sends whatever waits without waiting for the next timer turn. */
  flush(): void {
    this.batcher.flush();
  }
}
