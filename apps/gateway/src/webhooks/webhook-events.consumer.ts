import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { QUEUES, webhookSourceEventSchema, type WebhookSourceEvent } from '@clipyard/contracts';
import { BACKGROUND_WORK, ROOT_LOGGER } from '@clipyard/observability';
import { FACT_WORKER_OPTIONS, REDIS_SETTINGS, bullPrefix, createRedis, runFact, type RedisSettings } from '@clipyard/queue';
import { WebhookDispatcher } from './webhook-dispatcher';

/** Consumes domain events other apps publish for webhooks (billing's usage thresholds). */
@Injectable()
export class WebhookEventsConsumer implements OnModuleInit, OnApplicationShutdown {
  private worker?: Worker;
  private conn?: Redis;

  constructor(
    @Inject(BACKGROUND_WORK) private readonly background: boolean,
    private readonly dispatcher: WebhookDispatcher,
    @Inject(REDIS_SETTINGS) private readonly redis: RedisSettings,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    if (!this.background) return; // admin REPL: no background work
    this.conn = createRedis(this.redis);
    // a fact: waits out any outage (runFact), only a malformed event is dead-lettered
    this.worker = new Worker(QUEUES.webhookEvents, (job, token) => runFact(job, token, () => this.handle(job)), {
      connection: this.conn,
      prefix: bullPrefix(this.redis),
      concurrency: 4,
      ...FACT_WORKER_OPTIONS,
    });
    this.worker.on('error', (err) => this.logger.error({ err }, 'webhook-events worker error'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.conn?.quit().catch(() => undefined);
  }

  async handle(job: Job): Promise<void> {
    const parsed = webhookSourceEventSchema.safeParse(job.data);
    if (!parsed.success) {
      this.logger.warn({ bullJobId: job.id, issues: parsed.error.issues }, 'dropping invalid webhook source event');
      throw new UnrecoverableError('invalid webhook source event');
    }
    await this.apply(parsed.data);
  }

  async apply(ev: WebhookSourceEvent): Promise<void> {
    switch (ev.name) {
      case 'usage.threshold_reached':
        await this.dispatcher.dispatch({
          userId: ev.userId,
          type: 'usage.threshold_reached',
          key: ev.eventId,
          occurredAt: new Date(ev.occurredAt),
          data: { metric: ev.metric, threshold_percent: ev.threshold, used: ev.used, limit: ev.limit, month: ev.month },
        });
    }
  }
}
