import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { Gauge } from 'prom-client';
import { BACKGROUND_WORK, Metrics, ROOT_LOGGER } from '@clipyard/observability';
import { QueueDepthMetrics } from '@clipyard/queue';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

/**
 * The alert threshold for fact events: exported as `fact_events_alert_age_seconds` (alert on
 * `max(fact_events_oldest_age_seconds) > max(fact_events_alert_age_seconds)`), and checked every
 * minute here so a deployment without Prometheus still gets a warning line naming the queue.
 */
@Injectable()
export class FactEventsAlert implements OnModuleInit, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(BACKGROUND_WORK) private readonly background: boolean,
    private readonly depth: QueueDepthMetrics,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    if (!this.metrics.registry.getSingleMetric('fact_events_alert_age_seconds')) {
      new Gauge({
        name: 'fact_events_alert_age_seconds',
        help: 'Alert threshold (FACT_EVENTS_ALERT_AGE_S) for fact_events_oldest_age_seconds',
        registers: [this.metrics.registry],
      }).set(this.config.FACT_EVENTS_ALERT_AGE_S);
    }
    if (!this.background) return;
    this.timer = setInterval(() => void this.check(), 60_000);
    this.timer.unref();
  }

  /** Queues whose oldest pending fact event is past the threshold (logged). */
  async check(): Promise<string[]> {
    const ages = await this.depth.oldestFactAges().catch(() => undefined);
    if (!ages) return []; // Redis down: readiness already says so
    const late = Object.entries(ages).filter(([, age]) => age > this.config.FACT_EVENTS_ALERT_AGE_S);
    for (const [queue, age] of late) {
      this.logger.warn({ queue, oldestAgeS: Math.round(age), thresholdS: this.config.FACT_EVENTS_ALERT_AGE_S }, 'fact events are not being applied (is a dependency down?)');
    }
    return late.map(([q]) => q);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
