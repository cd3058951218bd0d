import { Queue, type JobsOptions } from 'bullmq';
import { QUEUE_PAYLOADS, mediaJobPayloadSchema, mediaQueueOf, type MediaJobEnqueue, type MediaJobName, type PayloadQueue, type QueuePayload } from '@clipyard/contracts';
import { createRedis, queuePrefix, type RedisClient, type RedisSettings } from './connection';
import { jobOptionsFor } from './policy';

/**
 * Enqueues validated, typed payloads on the plain queues. The payload's `name` is the BullMQ job
 * name, so a handler is chosen by the same discriminant the schema checks.
 */
export class QueueClient {
  private readonly queues = new Map<PayloadQueue, Queue>();
  private readonly conn: RedisClient;

  constructor(private readonly settings: RedisSettings) {
    this.conn = createRedis(settings);
  }

  async add<Q extends PayloadQueue>(queue: Q, payload: QueuePayload<Q>, opts: JobsOptions = {}): Promise<string> {
    const data = QUEUE_PAYLOADS[queue].parse(payload) as { name: string };
    return this.enqueue(queue, data.name, data, opts);
  }

  /**
   * Enqueues a media job on its kind's queue (MEDIA_JOBS): the job name picks the type of
   * `params`, so a payload that does not match its name does not compile; it is validated again here.
   */
  async addMedia<N extends MediaJobName>(name: N, job: MediaJobEnqueue<N>, opts: JobsOptions = {}): Promise<string> {
    return this.prepareMedia(name, job, opts)();
  }

  /**
   * addMedia in two steps: the payload is validated (throwing on a bad one) and the job's options
   * settled now, and the returned function enqueues it. The gateway prepares a job before its row
   * is inserted, so that between the commit and the add there is nothing but the add.
   */
  prepareMedia<N extends MediaJobName>(name: N, job: MediaJobEnqueue<N>, opts: JobsOptions = {}): () => Promise<string> {
    const data = mediaJobPayloadSchema(name).parse({ ...job, name });
    return this.prepare(mediaQueueOf(name), name, data, opts);
  }

  private async enqueue(queue: PayloadQueue, name: string, data: object, opts: JobsOptions): Promise<string> {
    return this.prepare(queue, name, data, opts)();
  }

  private prepare(queue: PayloadQueue, name: string, data: object, opts: JobsOptions): () => Promise<string> {
    // BullMQ refuses ':' in custom ids; our deterministic ids read naturally with it (job:<id>:completed).
    const jobId = opts.jobId?.replace(/:/g, '_');
    const options = { ...jobOptionsFor(queue), ...opts, ...(jobId ? { jobId } : {}) };
    const q = this.queue(queue);
    return async () => (await q.add(name, data, options)).id as string;
  }

  /** The underlying BullMQ queue, for admin views and counts. */
  queue(queue: PayloadQueue): Queue {
    let q = this.queues.get(queue);
    if (!q) {
      q = new Queue(queue, { connection: this.conn, prefix: queuePrefix(this.settings, queue) });
      this.queues.set(queue, q);
    }
    return q;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.conn.quit().catch(() => undefined);
  }
}
