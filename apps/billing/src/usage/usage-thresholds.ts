import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { QUEUES, usageThresholdEventId, type UsageEvent, type USAGE_THRESHOLD_METRICS } from '@clipyard/contracts';
import { QueueClient, REDIS_SETTINGS, createRedis, keyPrefix, type RedisClient, type RedisSettings } from '@clipyard/queue';
import { Clock } from '../common/clock';
import { monthOfIso } from '../common/month';
import { ACTION_JOBS_LIMIT, effectiveLimits } from '../plans/plan';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
import { UsageRepository, type MonthlyTotals } from './usage.repository';
import type { BatchResult } from './usage.service';

type UsageThresholdMetric = (typeof USAGE_THRESHOLD_METRICS)[number];

export const THRESHOLDS = [80, 100] as const;
const MONTH_TTL_S = 40 * 24 * 3600;
const TOLD_MAX = 100_000;

/**
 * After a usage event is recorded, tells the gateway (queue `webhook-events`) when the month's
 * usage of a metric has reached 80 % or 100 % of its limit, once per user, month, metric and
 * threshold. "Reached" is judged on the month's total, not on the crossing event, so concurrent
 * events cannot skip a threshold; a Redis marker plus a deterministic job and event id keep it
 * to one notification (the gateway also dedupes deliveries by event id).
 */
@Injectable()
export class UsageThresholds implements BeforeApplicationShutdown {
  private readonly redis: RedisClient;
  /** Thresholds already told (their Redis marker is set), by event id. */
  private readonly told = new Set<string>();

  constructor(
    private readonly usage: UsageRepository,
    private readonly subs: SubscriptionsService,
    private readonly queues: QueueClient,
    private readonly clock: Clock,
    @Inject(REDIS_SETTINGS) private readonly settings: RedisSettings,
  ) {
    this.redis = createRedis(settings, { lazyConnect: true });
  }

  async check(e: UsageEvent): Promise<void> {
    await this.checkMany([e]);
  }

  /**
   * Judges the thresholds touched by these (recorded) events: one subscription read and one
   * monthly read for the whole batch, whatever the number of users, months and events. With
   * `known` (UsageService.ingest: every monthly row the batch's events changed, as its commit
   * left them, under the users' locks) the monthly read is skipped.
   */
  async checkMany(events: UsageEvent[], known?: Pick<BatchResult, 'monthly'>): Promise<void> {
    const groups = new Map<string, { userId: string; month: string; events: Extract<UsageEvent, { name: 'usage.job' }>[] }>();
    for (const e of events) {
      if (e.name !== 'usage.job') continue;
      const month = monthOfIso(e.occurredAt);
      const key = `${e.userId}|${month}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { userId: e.userId, month, events: [] }));
      g.events.push(e);
    }
    if (!groups.size) return;
    const list = [...groups.values()];
    const [subs, rows] = await Promise.all([this.subs.getMany(list.map((g) => g.userId)), known ? known.monthly : this.usage.monthRowsMany(list)]);
    const rowsOf = new Map<string, MonthlyTotals[]>();
    for (const r of rows) {
      const key = `${r.userId}|${r.month}`;
      const list_ = rowsOf.get(key);
      if (list_) list_.push(r);
      else rowsOf.set(key, [r]);
    }
    // the groups are independent: told side by side (a batch holds many users)
    await Promise.all(
      list.map(async (g) => {
        const { subscription, plan } = subs.get(g.userId)!;
        const { limits } = effectiveLimits(plan, subscription.limitOverrides);
        for (const [metric, threshold, c] of this.reached(g.events, rowsOf.get(`${g.userId}|${g.month}`) ?? [], limits)) {
          await this.fire(g.userId, g.month, metric, threshold, c.used, c.limit);
        }
      }),
    );
  }

  /** The thresholds one user's month has reached on the metrics these events touched. */
  private reached(evs: Extract<UsageEvent, { name: 'usage.job' }>[], rows: MonthlyTotals[], limits: ReturnType<typeof effectiveLimits>['limits']) {
    const checks = new Map<UsageThresholdMetric, { used: number; limit: number }>();
    for (const e of evs) {
      const row = rows.find((r) => r.metric === e.action);
      if (!row) continue;
      checks.set(e.action, { used: Number(row.jobsUsed), limit: limits[ACTION_JOBS_LIMIT[e.action]] });
      // transcription minutes: spent by transcriptions and by trims with subtitles
      const minutesRow = e.action === 'transcribe' ? row : e.subtitleMinutes > 0 ? rows.find((r) => r.metric === 'transcribe') : undefined;
      if (minutesRow) checks.set('transcribe_minutes', { used: Number(minutesRow.unitsUsed), limit: limits.transcribe_minutes_per_month });
    }
    const out: Array<[UsageThresholdMetric, 80 | 100, { used: number; limit: number }]> = [];
    for (const [metric, c] of checks) {
      if (c.limit <= 0) continue; // unlimited (-1) or nothing allowed
      for (const threshold of THRESHOLDS) if (c.used >= (c.limit * threshold) / 100) out.push([metric, threshold, c]);
    }
    return out;
  }

  private async fire(userId: string, month: string, metric: UsageThresholdMetric, threshold: 80 | 100, used: number, limit: number) {
    const eventId = usageThresholdEventId(userId, month, metric, threshold);
    // once this process knows a threshold was told, it does not ask Redis again
    if (this.told.has(eventId)) return;
    const marker = `${keyPrefix(this.settings)}usage-threshold:${eventId}`;
    if (await this.redis.exists(marker)) return void this.remember(eventId);
    await this.queues.add(
      QUEUES.webhookEvents,
      { name: 'usage.threshold_reached', eventId, userId, metric, threshold, month, used, limit, occurredAt: this.clock.now().toISOString() },
      { jobId: eventId.replace(/:/g, '-') },
    );
    await this.redis.set(marker, '1', 'EX', MONTH_TTL_S);
    this.remember(eventId);
  }

  private remember(eventId: string): void {
    // bounded: a new month's thresholds push the old ones out
    if (this.told.size >= TOLD_MAX) this.told.clear();
    this.told.add(eventId);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
