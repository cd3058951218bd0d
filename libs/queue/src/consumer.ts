import 'reflect-metadata';
import { DiscoveryService } from '@nestjs/core';
import { DelayedError, UnrecoverableError, Worker, type Job, type WorkerOptions } from 'bullmq';
import type { Logger } from 'pino';
import { monotonicNs } from '@clipyard/observability';
import type { Counter, Histogram } from 'prom-client';
import { QUEUE_JOB_NAMES, QUEUE_PAYLOADS, type ParsedQueuePayload, type PayloadQueue } from '@clipyard/contracts';
import { createRedis, queuePrefix, type RedisClient, type RedisSettings } from './connection';
import { Batcher } from './batcher';
import { FACT_WORKER_OPTIONS, runFact } from './fact-events';

export { Batcher } from './batcher';
import { FACT_QUEUES } from './policy';

/** How a `@Consumer` class's queue is worked. Functions read the app's validated config. */
export interface ConsumerOptions<C = any> {
  /** Jobs of this queue one process runs at once (default 1). */
  concurrency?: number | ((config: C, queue: PayloadQueue) => number);
  /** Further BullMQ worker settings (lock duration, stall checks, a backoff strategy). */
  worker?: (config: C, queue: PayloadQueue) => Partial<Omit<WorkerOptions, 'connection' | 'prefix' | 'concurrency'>>;
  /** Whether this process consumes the queue at all (default: yes). */
  enabled?: (config: C, queue: PayloadQueue) => boolean;
  /** A provider every handler call of this class goes through (see HandlerRunner). */
  runner?: abstract new (...args: never[]) => HandlerRunner<any>;
  /**
   * Batch mode: the `@Handle` method is called with up to `size` items (`BatchItem[]`), gathered
   * for at most `waitMs` after the first, and returns one result per item. Each job completes
   * only once its batch's handler returned (at-least-once), and fails with the batch's error
   * (retried, or deferred as a fact) when it threw, so the handler must be idempotent per item.
   * `concurrency` batches are written at once; the worker holds `size × (concurrency + 1)` jobs,
   * so the next batch fills while one is written.
   */
  batch?: (config: C, queue: PayloadQueue) => { size: number; waitMs: number };
  /**
   * Batch mode: how much of `size` one job's payload takes (default 1), for messages carrying
   * many items. A batch is never heavier than `size` unless one job alone is; the worker takes
   * fewer jobs at once as they get heavier, so what it holds stays near `size × (concurrency + 1)`.
   * It gets the validated payload (narrow it by `name`).
   */
  weight?: (payload: ParsedQueuePayload<PayloadQueue>) => number;
}

/** One job of a batch, as a batch-mode `@Handle` method receives it. */
export interface BatchItem<P = unknown> {
  payload: P;
  job: Job;
}
type QueuedItem = BatchItem<ParsedQueuePayload<PayloadQueue>>;


/** One handler call, as a HandlerRunner receives it. */
export interface HandlerCall<Q extends PayloadQueue = PayloadQueue> {
  queue: Q;
  job: Job;
  /** The payload, already validated against the queue's contract schema. */
  payload: ParsedQueuePayload<Q>;
  /** The `@Handle` method, bound to its instance. */
  handler: (...args: any[]) => unknown;
  /** With ConsumerHostDeps.stamps (JOB_STAGE_LOG): monotonicNs when BullMQ handed the job over, before its payload was validated. */
  receivedAt?: number;
}

/** Wraps the handlers of a consumer (e.g. the media worker's job life around a processor). */
export interface HandlerRunner<Q extends PayloadQueue = PayloadQueue> {
  run(call: HandlerCall<Q>): Promise<unknown>;
  /** Called when BullMQ fails a job (including jobs failed without a handler run: stalled too often). */
  failed?(queue: Q, job: Job | undefined, err: Error): void;
}

export type ConsumerMeta = { queue: PayloadQueue; options: ConsumerOptions };

/** How the failure of a payload that did not match its queue's schema begins (it is never retried). */
export const INVALID_PAYLOAD = 'VALIDATION_FAILED: invalid';

const consumerDecorator = DiscoveryService.createDecorator<ConsumerMeta>();
const HANDLES = Symbol('clipyard:handles');

/** Declares a class as the consumer of a plain queue; its `@Handle` methods are found at boot. */
export function Consumer<C = any>(queue: PayloadQueue, options: ConsumerOptions<C> = {}): ClassDecorator {
  return consumerDecorator({ queue, options });
}
Consumer.KEY = consumerDecorator.KEY;

/** The `@Consumer` declaration of an instance's class, if any. */
export const consumerMeta = (instance: object): ConsumerMeta | undefined => Reflect.getMetadata(Consumer.KEY, instance.constructor);

/**
 * Marks the method that handles these job names of the class's queue: it is called with the
 * validated payload and the BullMQ job. Throw to get a retry; UnrecoverableError fails at once.
 */
export function Handle(...jobNames: string[]): MethodDecorator {
  return (target, key) => {
    const list: Array<{ name: string; key: string | symbol }> = Reflect.getMetadata(HANDLES, target) ?? [];
    Reflect.defineMetadata(HANDLES, [...list, ...jobNames.map((name) => ({ name, key }))], target);
  };
}

/** The payload type of one job name of a queue (for a `@Handle` method's parameter). */
export type PayloadOf<Q extends PayloadQueue, N extends string> = Extract<ParsedQueuePayload<Q>, { name: N }>;

export interface ConsumerInstance {
  instance: object;
  meta: ConsumerMeta;
  runner?: HandlerRunner;
}

interface Route {
  owner: string;
  handler: (...args: unknown[]) => unknown;
  runner?: HandlerRunner;
  /** Class and method of the handler (names handled by one method share it). */
  method: string;
  /** Batch mode: calls go through this (one per handler method). */
  batcher?: Batcher<QueuedItem, unknown>;
}

/**
 * Maps queue → job name → handler, and refuses (throws) when a consumed queue has a job name
 * with no handler or with two, or a handler claims a name its queue does not carry.
 */
export function routeHandlers(consumers: ConsumerInstance[]): Map<PayloadQueue, Map<string, Route>> {
  const problems: string[] = [];
  const routes = new Map<PayloadQueue, Map<string, Route>>();
  for (const c of consumers) {
    const { queue } = c.meta;
    const owner = c.instance.constructor.name;
    const names = routes.get(queue) ?? new Map<string, Route>();
    routes.set(queue, names);
    const handles: Array<{ name: string; key: string | symbol }> = Reflect.getMetadata(HANDLES, c.instance) ?? [];
    if (!handles.length) problems.push(`${owner}: consumer of ${queue} has no @Handle method`);
    for (const h of handles) {
      if (!QUEUE_JOB_NAMES[queue].includes(h.name)) problems.push(`${owner}: queue ${queue} has no job named ${h.name}`);
      const existing = names.get(h.name);
      if (existing) problems.push(`two handlers for ${queue}/${h.name}: ${existing.owner} and ${owner}`);
      const method = (c.instance as Record<string | symbol, (...args: unknown[]) => unknown>)[h.key];
      names.set(h.name, { owner, handler: method.bind(c.instance), runner: c.runner, method: `${owner}.${String(h.key)}` });
    }
  }
  for (const [queue, names] of routes) {
    for (const name of QUEUE_JOB_NAMES[queue]) if (!names.has(name)) problems.push(`no handler for ${queue}/${name}`);
  }
  if (problems.length) throw new Error(`cannot start the queue consumers:\n  - ${problems.join('\n  - ')}`);
  return routes;
}

export interface ConsumerHostDeps {
  redis: RedisSettings;
  /** The app's validated config, read by the consumers' options. */
  config: unknown;
  logger: Logger;
  /** JOB_STAGE_LOG: stamp each job as BullMQ hands it over (HandlerCall.receivedAt). */
  stamps?: boolean;
  metrics?: {
    counter<L extends string>(name: string, help: string, labels: L[]): Counter<L>;
    histogram<L extends string>(name: string, help: string, labels: L[], buckets?: number[]): Histogram<L>;
  };
}

/**
 * Runs one BullMQ worker per consumed queue: its own connection, the payload validated against
 * the queue's contract schema (a malformed one fails at once, never retried), dispatch by job
 * name, concurrency from config, metrics, and a close() that lets in-flight jobs finish.
 */
export class ConsumerHost {
  private readonly workers: Worker[] = [];
  private readonly conns: RedisClient[] = [];
  private readonly batchers: Batcher<QueuedItem, unknown>[] = [];
  private readonly handled?: Counter<'queue' | 'job' | 'outcome'>;
  private readonly seconds?: Histogram<'queue' | 'job'>;

  constructor(
    private readonly consumers: ConsumerInstance[],
    private readonly deps: ConsumerHostDeps,
  ) {
    this.handled = deps.metrics?.counter('queue_jobs_handled_total', 'Queue jobs handled by this process, by outcome', ['queue', 'job', 'outcome']);
    this.seconds = deps.metrics?.histogram('queue_job_handle_seconds', 'Time a queue job spent in its handler', ['queue', 'job'], [0.005, 0.025, 0.1, 0.5, 2.5, 10, 60, 300, 1800]);
  }

  /** Checks the handlers, then starts the workers. Returns the queues consumed. */
  start(): PayloadQueue[] {
    const { config } = this.deps;
    const enabled = this.consumers.filter((c) => c.meta.options.enabled?.(config, c.meta.queue) ?? true);
    const routes = routeHandlers(enabled);
    for (const [queue, names] of routes) {
      const options = enabled.find((c) => c.meta.queue === queue)!.meta.options;
      let concurrency = typeof options.concurrency === 'function' ? options.concurrency(config, queue) : (options.concurrency ?? 1);
      const batch = options.batch?.(config, queue);
      let adapt: ((weight: number) => void) | undefined;
      if (batch) {
        // one Batcher per handler method; the worker holds enough jobs to fill `concurrency` batches
        const batchers = new Map<string, Batcher<QueuedItem, unknown>>();
        const target = Math.max(1, batch.size * (concurrency + 1));
        const fewest = concurrency + 1;
        const weight = options.weight;
        if (weight) {
          // heavier jobs: fewer of them held at once (a running mean of their weight)
          let mean = 1;
          adapt = (w) => {
            mean = mean * 0.9 + w * 0.1;
            worker.concurrency = Math.max(fewest, Math.min(target, Math.ceil(target / mean)));
          };
        }
        const weigh = weight
          ? (i: QueuedItem) => {
              const w = Math.max(1, weight(i.payload));
              adapt?.(w);
              return w;
            }
          : undefined;
        for (const route of names.values()) {
          const key = route.method;
          const b = batchers.get(key) ?? new Batcher<QueuedItem, unknown>(batch.size, batch.waitMs, async (items) => (await route.handler(items)) as unknown[], concurrency, weigh);
          if (!batchers.has(key)) this.batchers.push(b);
          batchers.set(key, b);
          route.batcher = b;
        }
        concurrency = target;
      }
      const conn = createRedis(this.deps.redis);
      this.conns.push(conn);
      const worker = new Worker(queue, (job, token) => this.dispatch(queue, names, job, token), {
        // fact queues: idempotent handlers, run again however often a lock lapsed (Redis away)
        ...(FACT_QUEUES.includes(queue) ? FACT_WORKER_OPTIONS : {}),
        ...options.worker?.(config, queue),
        connection: conn,
        prefix: queuePrefix(this.deps.redis, queue),
        concurrency,
      });
      const log = this.deps.logger;
      worker.on('error', (err) => log.error({ err, queue }, 'queue worker error'));
      worker.on('stalled', (jobId) => log.warn({ queue, bullJobId: jobId }, 'stalled job taken back'));
      worker.on('failed', (job, err) => {
        const route = job ? names.get(job.name) : undefined;
        // A runner (the media worker's) logs its own failures with more to say.
        log[route?.runner ? 'debug' : 'warn']({ queue, jobName: job?.name, bullJobId: job?.id, attempts: job?.attemptsMade, reason: err.message }, 'queue job failed');
        route?.runner?.failed?.(queue, job, err);
      });
      this.workers.push(worker);
    }
    return [...routes.keys()];
  }

  private async dispatch(queue: PayloadQueue, names: Map<string, Route>, job: Job, token?: string): Promise<unknown> {
    const receivedAt = this.deps.stamps ? monotonicNs() : undefined;
    const parsed = QUEUE_PAYLOADS[queue].safeParse(job.data);
    const route = names.get(job.name);
    if (!parsed.success || !route || (parsed.data as { name: string }).name !== job.name) {
      this.deps.logger.warn({ queue, jobName: job.name, bullJobId: job.id, issues: parsed.error?.issues }, 'dropping an invalid queue payload');
      this.handled?.inc({ queue, job: job.name, outcome: 'invalid' });
      throw new UnrecoverableError(`${INVALID_PAYLOAD} ${queue} payload`);
    }
    const payload = parsed.data as ParsedQueuePayload<typeof queue>;
    const end = this.seconds?.startTimer({ queue, job: job.name });
    const call = async () =>
      route.batcher
        ? route.batcher.push({ payload, job })
        : route.runner
          ? route.runner.run({ queue, job, payload, handler: route.handler, ...(receivedAt ? { receivedAt } : {}) })
          : route.handler(payload, job);
    try {
      // Facts (FACT_QUEUES) wait out an outage without using attempts; see runFact.
      const out = FACT_QUEUES.includes(queue)
        ? await runFact(job, token, call, (err, delayMs) =>
            this.deps.logger.warn({ queue, jobName: job.name, bullJobId: job.id, delayMs, err: { message: (err as Error)?.message } }, 'fact event deferred: a dependency is down'),
          )
        : await call();
      this.handled?.inc({ queue, job: job.name, outcome: 'completed' });
      return out;
    } catch (err) {
      this.handled?.inc({ queue, job: job.name, outcome: err instanceof DelayedError ? 'deferred' : 'failed' });
      throw err;
    } finally {
      end?.();
    }
  }

  /** Stops taking jobs and waits for the ones in flight. */
  async close(): Promise<void> {
    const closing = Promise.all(this.workers.map((w) => w.close()));
    // in-flight jobs waiting for a batch to fill are written now rather than after their timer
    for (const b of this.batchers) b.flush();
    await closing;
    await Promise.allSettled(this.conns.map((c) => c.quit()));
    this.workers.length = 0;
    this.conns.length = 0;
  }
}

/**
 * Starts consumers built by hand (integration tests): the same checks and workers as the app's
 * discovery at boot. Close the returned host.
 */
export function startConsumers(instances: object[], deps: ConsumerHostDeps, runner?: HandlerRunner): ConsumerHost {
  const consumers = instances.map((instance) => {
    const meta = consumerMeta(instance);
    if (!meta) throw new Error(`${instance.constructor.name} is not a @Consumer`);
    return { instance, meta, runner: meta.options.runner ? runner : undefined };
  });
  const host = new ConsumerHost(consumers, deps);
  host.start();
  return host;
}
