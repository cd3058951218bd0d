import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UsageEvent } from '@clipyard/contracts';
import { Metrics } from '@clipyard/observability';
import type { Counter } from 'prom-client';
import { Clock } from '../common/clock';
import { monthOf } from '../common/month';
import { QuotaRepository } from '../quota/quota.repository';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UsageRepository } from './usage.repository';

export type RecordOutcome = 'recorded' | 'duplicate';

/**
 * Records usage events exactly once: the ledger insert (unique event id) and the monthly
 * aggregate update happen in one transaction, so a replayed event changes nothing. A job's
 * completion also commits its reservation. Late events land in the month of `occurredAt`.
 */
@Injectable()
export class UsageService {
  private readonly events: Counter<'name' | 'outcome'>;

  constructor(
    private readonly ds: DataSource,
    private readonly usage: UsageRepository,
    private readonly reservations: QuotaRepository,
    private readonly subs: SubscriptionsRepository,
    private readonly clock: Clock,
    metrics: Metrics,
  ) {
    this.events = metrics.counter('billing_usage_events_total', 'Usage events consumed, by outcome', ['name', 'outcome']);
  }

  async record(e: UsageEvent): Promise<RecordOutcome> {
    const outcome = e.name === 'usage.job' ? await this.recordJob(e) : await this.recordRequests(e);
    this.events.inc({ name: e.name, outcome });
    return outcome;
  }

  private recordJob(e: Extract<UsageEvent, { name: 'usage.job' }>): Promise<RecordOutcome> {
    const month = monthOf(new Date(e.occurredAt));
    return this.ds.transaction(async (m) => {
      await this.subs.lockOnly(m, e.userId, this.clock.now());
      // A job is never billed above what its reservation held (which the plan admitted): a
      // transcription whose media turned out longer than reserved meters the reserved minutes.
      const hold = await this.reservations.findByJob(m, e.jobId);
      const holds = hold && hold.status === 'pending' && hold.user_id === e.userId && hold.month === month;
      // Trim and overlay count jobs; transcription meters minutes too.
      const measured = e.action === 'transcribe' ? e.units : 1;
      const units = holds && hold.action === e.action ? Math.min(measured, hold.units) : measured;
      const fresh = await this.usage.insertEvent(m, {
        eventId: e.eventId,
        userId: e.userId,
        kind: 'job',
        jobId: e.jobId,
        action: e.action,
        units,
        mediaSeconds: e.mediaSeconds,
        inputBytes: e.inputBytes,
        outputBytes: e.outputBytes,
        processingMs: e.processingMs,
        template: e.template,
        customOverrides: e.customOverrides,
        inputTokens: e.inputTokens,
        outputTokens: e.outputTokens,
        aiProvider: e.aiProvider,
        aiModel: e.aiModel,
        month,
        occurredAt: e.occurredAt,
      });
      if (!fresh) return 'duplicate';
      // Usage beyond the job's reservation (none, a smaller estimate, another month) is metered as
      // "unreserved": counted, but outside the admission invariant.
      const r = await this.reservations.commitPending(m, e.userId, e.jobId, units);
      const covers = r && r.month === month && r.action === e.action;
      const coveredJobs = covers ? 1 : 0;
      const coveredUnits = covers ? Math.min(units, r.units) : 0;
      await this.usage.addToMonth(m, e.userId, month, e.action, {
        jobs: 1,
        units,
        jobsUnreserved: 1 - coveredJobs,
        unitsUnreserved: units - coveredUnits,
        mediaSeconds: e.mediaSeconds,
        inputBytes: e.inputBytes,
        outputBytes: e.outputBytes,
        processingMs: e.processingMs,
        inputTokens: e.inputTokens,
        outputTokens: e.outputTokens,
      });
      // A shorts job's clips: that many trim jobs, against what its reservation held for them.
      const trims = e.action === 'hooks' ? e.trimJobs : 0;
      if (trims > 0) {
        await this.usage.insertEvent(m, {
          eventId: `${e.eventId}:trims`,
          userId: e.userId,
          kind: 'job',
          jobId: e.jobId,
          action: 'trim',
          units: trims,
          month,
          occurredAt: e.occurredAt,
        });
        const held = r && r.month === month ? r.trim_jobs : 0;
        await this.usage.addToMonth(m, e.userId, month, 'trim', {
          jobs: trims,
          units: trims,
          jobsUnreserved: trims - Math.min(trims, held),
          unitsUnreserved: 0,
          mediaSeconds: 0,
          inputBytes: 0,
          outputBytes: 0,
          processingMs: 0,
        });
      }
      // A trim's subtitles (or a hooks job's transcription): the minutes, against what its reservation held.
      const minutes = e.action === 'trim' || e.action === 'hooks' ? (holds ? Math.min(e.subtitleMinutes, hold.subtitle_minutes) : e.subtitleMinutes) : 0;
      if (minutes > 0) {
        // its own ledger line, so the ledger shows where the minutes went
        await this.usage.insertEvent(m, {
          eventId: `${e.eventId}:subtitles`,
          userId: e.userId,
          kind: 'job',
          jobId: e.jobId,
          action: 'transcribe',
          units: minutes,
          month,
          occurredAt: e.occurredAt,
        });
        const heldMinutes = r && r.month === month ? r.subtitle_minutes : 0;
        await this.usage.addToMonth(m, e.userId, month, 'transcribe', {
          jobs: 0,
          units: minutes,
          jobsUnreserved: 0,
          unitsUnreserved: minutes - Math.min(minutes, heldMinutes),
          mediaSeconds: 0,
          inputBytes: 0,
          outputBytes: 0,
          processingMs: 0,
        });
      }
      return 'recorded';
    });
  }

  private recordRequests(e: Extract<UsageEvent, { name: 'usage.requests' }>): Promise<RecordOutcome> {
    const month = monthOf(new Date(e.occurredAt));
    return this.ds.transaction(async (m) => {
      const fresh = await this.usage.insertEvent(m, {
        eventId: e.eventId,
        userId: e.userId,
        kind: 'requests',
        units: e.count,
        month,
        occurredAt: e.occurredAt,
      });
      if (!fresh) return 'duplicate';
      await this.usage.addToMonth(m, e.userId, month, 'requests', {
        jobs: 0,
        units: e.count,
        jobsUnreserved: 0,
        unitsUnreserved: 0,
        mediaSeconds: 0,
        inputBytes: 0,
        outputBytes: 0,
        processingMs: 0,
      });
      return 'recorded';
    });
  }
}
