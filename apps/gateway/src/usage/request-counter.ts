import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { Metrics, ROOT_LOGGER } from '@clipyard/observability';
import { UsageSender } from '@clipyard/queue';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

/**
 * Counts API requests per user in memory and flushes them every USAGE_FLUSH_MS as one
 * `usage.requests` event per user, so metering costs a Map increment per request, not a row;
 * a flush's events travel in `usage.bulk` messages of up to USAGE_BULK_MAX. Event ids are
 * `req:<instance>:<flush>:<user>`: a retried enqueue counts once. A message that cannot reach
 * Redis puts its counts back for the next flush.
 */
@Injectable()
export class RequestCounter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private counts = new Map<string, number>();
  private readonly instance = randomUUID();
  private flushes = 0;
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(
    private readonly usage: UsageSender,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly metrics: Metrics,
  ) {}

  count(userId: string): void {
    this.counts.set(userId, (this.counts.get(userId) ?? 0) + 1);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), this.config.USAGE_FLUSH_MS);
    this.timer.unref();
  }

  /** Sends what was counted since the last flush (one flush at a time). */
  flush(): Promise<void> {
    this.flushing ??= this.send().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async send(): Promise<void> {
    if (!this.counts.size) return;
    const batch = this.counts;
    this.counts = new Map();
    const seq = ++this.flushes;
    const occurredAt = new Date().toISOString();
    const events = [...batch].map(([userId, count]) => ({ name: 'usage.requests' as const, eventId: `req:${this.instance}:${seq}:${userId}`, userId, count, occurredAt }));
    const sent = await this.usage.sendMany(events, `req:${this.instance}:${seq}`);
    const failed = sent.filter((s) => s.error).flatMap((s) => s.events);
    for (const e of failed) if (e.name === 'usage.requests') this.counts.set(e.userId, (this.counts.get(e.userId) ?? 0) + e.count);
    if (failed.length) this.logger.warn({ users: failed.length }, 'request counts not flushed; kept for the next flush');
    this.metrics.counter('gateway_usage_flushes_total', 'Request-count flushes by outcome', ['outcome']).inc({ outcome: failed.length ? 'partial' : 'ok' });
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }
}
