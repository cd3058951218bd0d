import { Injectable } from '@nestjs/common';
import { Database, type Tx } from '@clipyard/database';
import type { UsageEvent } from '@clipyard/contracts';
import { Metrics } from '@clipyard/observability';
import type { Counter } from 'prom-client';
import { Clock } from '../common/clock';
import { monthOfIso } from '../common/month';
import { QuotaRepository, type ReservationRecord } from '../quota/quota.repository';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UsageRepository, type LedgerInsert, type MonthlyChange, type MonthlyTotals } from './usage.repository';

export type RecordOutcome = 'recorded' | 'duplicate';

/** A batch's outcomes (one per event, in order) and the monthly rows it changed, as its commit left them. */
export interface BatchResult {
  outcomes: RecordOutcome[];
  monthly: MonthlyTotals[];
}

/**
 * Records usage events exactly once: the ledger insert (unique event id) and the monthly
 * aggregate update happen in one transaction, so a replayed event changes nothing. A job's
 * completion also commits its reservation. Late events land in the month of `occurredAt`.
 * Events come in batches (the consumer gathers them): one transaction per batch.
 */
@Injectable()
export class UsageService {
  private readonly events: Counter<'name' | 'outcome'>;

  constructor(
    private readonly db: Database,
    private readonly usage: UsageRepository,
    private readonly reservations: QuotaRepository,
    private readonly subs: SubscriptionsRepository,
    private readonly clock: Clock,
    metrics: Metrics,
  ) {
    this.events = metrics.counter('billing_usage_events_total', 'Usage events consumed, by outcome', ['name', 'outcome']);
  }

  /** Records one event (a batch of one). */
  async record(e: UsageEvent): Promise<RecordOutcome> {
    return (await this.recordBatch([e]))[0];
  }

  /**
   * Records a batch of events in one transaction, one outcome per event in order. A duplicate
   * (of an earlier event, or of one earlier in the same batch) changes nothing and is
   * `duplicate`. Per wave of events with distinct job ids: one multi-row ledger insert, one
   * statement committing the reservations of the lines actually inserted, one upsert of the
   * monthly rows they touch.
   */
  async recordBatch(events: UsageEvent[]): Promise<RecordOutcome[]> {
    return (await this.ingest(events)).outcomes;
  }

  /**
   * recordBatch, also returning the monthly rows the batch changed (as it left them), so that the
   * usage-threshold check after it need not read them again.
   */
  async ingest(events: UsageEvent[]): Promise<BatchResult> {
    const monthly = new Map<string, MonthlyTotals>();
    const outcomes: RecordOutcome[] = events.map(() => 'duplicate');
    // the first occurrence of each event id speaks for all of them
    const firstOf = new Map<string, number>();
    events.forEach((e, i) => {
      if (!firstOf.has(e.eventId)) firstOf.set(e.eventId, i);
    });
    // waves: two events of one job (distinct ids) go in order, each seeing what the other did to its reservation
    const waves: number[][] = [];
    const perJob = new Map<string, number>();
    for (const i of firstOf.values()) {
      const e = events[i];
      const w = e.name === 'usage.job' ? (perJob.get(e.jobId) ?? 0) : 0;
      if (e.name === 'usage.job') perJob.set(e.jobId, w + 1);
      (waves[w] ??= []).push(i);
    }
    if (firstOf.size) {
      await this.db.transaction(async (tx) => {
        await this.subs.lockMany(events.map((e) => e.userId), tx);
        const jobs = events.flatMap((e) => (e.name === 'usage.job' ? [{ userId: e.userId, jobId: e.jobId }] : []));
        const holds = new Map((await this.reservations.findByJobs(jobs, tx)).map((r) => [r.jobId, r]));
        for (const wave of waves) {
          const fresh = await this.recordWave(wave.map((i) => events[i]), holds, monthly, tx);
          for (const i of wave) if (fresh.has(events[i].eventId)) outcomes[i] = 'recorded';
        }
      });
    }
    events.forEach((e, i) => {
      // a later copy of an event recorded in this batch is a duplicate
      const outcome = firstOf.get(e.eventId) === i ? outcomes[i] : 'duplicate';
      outcomes[i] = outcome;
      this.events.inc({ name: e.name, outcome });
    });
    return { outcomes, monthly: [...monthly.values()] };
  }

  /**
   * Events with distinct ids and job ids; `holds` (reservations by job id) is updated as they
   * commit, `monthly` (by user, month and metric) gets the rows as the wave left them.
   */
  private async recordWave(wave: UsageEvent[], holds: Map<string, ReservationRecord>, monthly: Map<string, MonthlyTotals>, tx: Tx): Promise<Set<string>> {
    const lines: LedgerInsert[] = [];
    const plans = new Map<string, Planned>();
    for (const e of wave) {
      const month = monthOfIso(e.occurredAt);
      if (e.name === 'usage.requests') {
        lines.push({ eventId: e.eventId, userId: e.userId, kind: 'requests', units: e.count, month, occurredAt: e.occurredAt });
        continue;
      }
      // A job is never billed above what its reservation held (which the plan admitted): a
      // transcription whose media turned out longer than reserved meters the reserved minutes.
      const hold = holds.get(e.jobId);
      const pending = hold && hold.status === 'pending' && hold.userId === e.userId ? hold : undefined;
      const holds_ = pending && pending.month === month;
      // Trim and overlay count jobs; transcription meters minutes too.
      const measured = e.action === 'transcribe' ? e.units : 1;
      const units = holds_ && pending.action === e.action ? Math.min(measured, Number(pending.units)) : measured;
      plans.set(e.eventId, { e, month, units, pending, holds: !!holds_ });
      lines.push({
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
    }
    const fresh = await this.usage.insertEvents(lines, tx);
    if (!fresh.size) return fresh;

    const changes = new Map<string, MonthlyChange>();
    const change = (userId: string, month: string, metric: string): MonthlyChange => {
      const key = `${userId}|${month}|${metric}`;
      let c = changes.get(key);
      if (!c) {
        c = { userId, month, metric, jobs: 0, units: 0, jobsUnreserved: 0, unitsUnreserved: 0, mediaSeconds: 0, inputBytes: 0, outputBytes: 0, processingMs: 0, inputTokens: 0, outputTokens: 0, jobsReservedFreed: 0, unitsReservedFreed: 0 };
        changes.set(key, c);
      }
      return c;
    };
    const derived: LedgerInsert[] = [];
    const commits: Array<{ userId: string; jobId: string; units: number }> = [];
    for (const e of wave) {
      if (!fresh.has(e.eventId)) continue;
      if (e.name === 'usage.requests') {
        const month = monthOfIso(e.occurredAt);
        change(e.userId, month, 'requests').units += e.count;
        continue;
      }
      const { month, units, pending: r, holds: held } = plans.get(e.eventId)!;
      // the job's pending reservation is committed (under the user's lock, so it is still pending)
      if (r) {
        commits.push({ userId: e.userId, jobId: e.jobId, units });
        r.status = 'committed';
        change(e.userId, r.month, r.action).jobsReservedFreed += 1;
        change(e.userId, r.month, r.action).unitsReservedFreed += Number(r.units);
        if (r.subtitleMinutes > 0) change(e.userId, r.month, 'transcribe').unitsReservedFreed += Number(r.subtitleMinutes);
        if (r.trimJobs > 0) change(e.userId, r.month, 'trim').jobsReservedFreed += Number(r.trimJobs);
      }
      // Usage beyond the job's reservation (none, a smaller estimate, another month) is metered as
      // "unreserved": counted, but outside the admission invariant.
      const covers = r && r.month === month && r.action === e.action;
      const c = change(e.userId, month, e.action);
      c.jobs += 1;
      c.units += units;
      c.jobsUnreserved += covers ? 0 : 1;
      c.unitsUnreserved += units - (covers ? Math.min(units, Number(r.units)) : 0);
      c.mediaSeconds += e.mediaSeconds;
      c.inputBytes += e.inputBytes;
      c.outputBytes += e.outputBytes;
      c.processingMs += e.processingMs;
      c.inputTokens! += e.inputTokens ?? 0;
      c.outputTokens! += e.outputTokens ?? 0;
      // A shorts job's clips: that many trim jobs, against what its reservation held for them.
      const trims = e.action === 'hooks' ? e.trimJobs : 0;
      if (trims > 0) {
        derived.push({ eventId: `${e.eventId}:trims`, userId: e.userId, kind: 'job', jobId: e.jobId, action: 'trim', units: trims, month, occurredAt: e.occurredAt });
        const heldTrims = r && r.month === month ? Number(r.trimJobs) : 0;
        const t = change(e.userId, month, 'trim');
        t.jobs += trims;
        t.units += trims;
        t.jobsUnreserved += trims - Math.min(trims, heldTrims);
      }
      // A trim's subtitles (or a hooks job's transcription): the minutes, against what its reservation held.
      const minutes = e.action === 'trim' || e.action === 'hooks' ? (held ? Math.min(e.subtitleMinutes, Number(r!.subtitleMinutes)) : e.subtitleMinutes) : 0;
      if (minutes > 0) {
        // its own ledger line, so the ledger shows where the minutes went
        derived.push({ eventId: `${e.eventId}:subtitles`, userId: e.userId, kind: 'job', jobId: e.jobId, action: 'transcribe', units: minutes, month, occurredAt: e.occurredAt });
        const heldMinutes = r && r.month === month ? Number(r.subtitleMinutes) : 0;
        const t = change(e.userId, month, 'transcribe');
        t.units += minutes;
        t.unitsUnreserved += minutes - Math.min(minutes, heldMinutes);
      }
    }
    await this.usage.insertEvents(derived, tx);
    await this.reservations.commitMany(commits, tx);
    for (const row of await this.usage.applyMonthly([...changes.values()], tx)) monthly.set(`${row.userId}|${row.month}|${row.metric}`, row);
    return fresh;
  }
}

interface Planned {
  e: Extract<UsageEvent, { name: 'usage.job' }>;
  month: string;
  units: number;
  /** The job's pending reservation, if it is this user's. */
  pending?: ReservationRecord;
  /** Whether that reservation is of the event's month. */
  holds: boolean;
}
