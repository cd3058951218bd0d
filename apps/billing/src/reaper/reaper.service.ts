import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import { BACKGROUND_WORK, Metrics, ROOT_LOGGER } from '@clipyard/observability';
import { BILLING_CONFIG, type BillingConfig } from '../config';
import { QuotaRepository } from '../quota/quota.repository';
import { QuotaService } from '../quota/quota.service';

/**
 * Releases reservations whose job never settled (worker lost, event dropped) once they pass
 * RESERVATION_TTL_S. Each release goes through the same locked path as quota.release, so several
 * billing replicas can run the reaper at once.
 */
@Injectable()
export class ReaperService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private readonly reaped: Counter<'action'>;

  constructor(
    @Inject(BACKGROUND_WORK) private readonly background: boolean,
    private readonly repo: QuotaRepository,
    private readonly quota: QuotaService,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    metrics: Metrics,
  ) {
    this.reaped = metrics.counter('billing_reservations_reaped_total', 'Orphaned reservations released by the reaper', ['action']);
  }

  onApplicationBootstrap(): void {
    if (!this.background) return; // admin REPL: no background work
    this.timer = setInterval(() => void this.runOnce().catch((err) => this.logger.error({ err }, 'reaper pass failed')), this.config.REAPER_INTERVAL_MS);
    this.timer.unref();
  }

  /** One pass; returns how many reservations it released. */
  runOnce(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<number> {
    const expired = await this.repo.expired(this.config.REAPER_BATCH);
    let n = 0;
    for (const r of expired) {
      const res = await this.quota.release(r.userId, r.jobId, 'expired');
      if (!res.released) continue;
      n++;
      this.reaped.inc({ action: r.action });
      this.logger.warn(
        { userId: r.userId, jobId: r.jobId, reservedAt: r.createdAt, ttlSeconds: this.config.RESERVATION_TTL_S },
        'reaper released an orphaned reservation',
      );
    }
    return n;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
