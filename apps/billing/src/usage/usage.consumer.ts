import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { QUEUES, usageEventSchema } from '@clipyard/contracts';
import { BACKGROUND_WORK, ROOT_LOGGER } from '@clipyard/observability';
import { FACT_WORKER_OPTIONS, bullPrefix, createRedis, runFact } from '@clipyard/queue';
import { BILLING_CONFIG, type BillingConfig } from '../config';
import { UsageService } from './usage.service';
import { UsageThresholds } from './usage-thresholds';

/** Consumes the `usage-events` queue. A DB error throws so BullMQ retries; the event id makes that safe. */
@Injectable()
export class UsageConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: Worker;
  private conn?: Redis;

  constructor(
    @Inject(BACKGROUND_WORK) private readonly background: boolean,
    private readonly usage: UsageService,
    private readonly thresholds: UsageThresholds,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.background) return; // admin REPL: no background work
    const settings = { url: this.config.REDIS_URL, prefix: this.config.REDIS_PREFIX };
    this.conn = createRedis(settings);
    // a fact: waits out any outage (runFact), only a malformed event is dead-lettered
    const deferred = (job: Job, err: unknown, delayMs: number) =>
      this.logger.warn({ bullJobId: job.id, delayMs, err: { message: (err as Error)?.message } }, 'usage event deferred: a dependency is down');
    this.worker = new Worker(QUEUES.usageEvents, (job, token) => runFact(job, token, () => this.handle(job), (err, ms) => deferred(job, err, ms)), {
      connection: this.conn,
      prefix: bullPrefix(settings),
      concurrency: this.config.USAGE_CONCURRENCY,
      ...FACT_WORKER_OPTIONS,
    });
    this.worker.on('error', (err) => this.logger.error({ err }, 'usage worker error'));
    this.worker.on('failed', (job, err) =>
      this.logger.warn({ err, jobName: job?.name, attempts: job?.attemptsMade }, 'usage event failed'),
    );
  }

  private async handle(job: Job): Promise<string> {
    const parsed = usageEventSchema.safeParse(job.data);
    if (!parsed.success) {
      this.logger.error({ jobName: job.name, issues: parsed.error.issues }, 'invalid usage event dropped');
      throw new UnrecoverableError('INVALID_USAGE_EVENT');
    }
    const outcome = await this.usage.record(parsed.data);
    // A failed threshold check must not retry the (already recorded) event; it is re-judged on the next one.
    if (outcome === 'recorded') {
      await this.thresholds.check(parsed.data).catch((err) => this.logger.error({ err }, 'usage threshold check failed'));
    }
    return outcome;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.conn?.quit().catch(() => undefined);
  }
}
