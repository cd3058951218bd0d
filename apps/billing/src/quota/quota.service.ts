import { Inject, Injectable } from '@nestjs/common';
import { Database, type Tx } from '@clipyard/database';
import { ACTION_FEATURES, AppError, type RpcReply, type RpcRequest, type UsageAction } from '@clipyard/contracts';
import { Metrics } from '@clipyard/observability';
import { Clock } from '../common/clock';
import { monthOf, resetsAt } from '../common/month';
import { ACTION_JOBS_LIMIT, effectiveLimits } from '../plans/plan';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { BILLING_CONFIG, type BillingConfig } from '../config';
import { QuotaRepository, type ReservationRecord } from './quota.repository';

type ReserveRequest = Required<Pick<RpcRequest<'quota.reserve'>, 'units' | 'features' | 'subtitleMinutes' | 'trimJobs'>> & RpcRequest<'quota.reserve'>;
type ReleaseReply = RpcReply<'quota.release'>;

/**
 * Quota reservations. Every write for one user runs in a transaction that first locks the user's
 * subscription row (lock order: subscription → reservation → usage_monthly), so reserve, release,
 * commit and the reaper never deadlock and never interleave for the same user.
 */
@Injectable()
export class QuotaService {
  private readonly outcomes;

  constructor(
    private readonly db: Database,
    private readonly repo: QuotaRepository,
    private readonly subs: SubscriptionsRepository,
    private readonly clock: Clock,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
    metrics: Metrics,
  ) {
    this.outcomes = metrics.counter('billing_reservations_total', 'Quota reservation attempts by outcome', ['action', 'outcome']);
  }

  async reserve(req: ReserveRequest): Promise<RpcReply<'quota.reserve'>> {
    try {
      const reply = await this.reserveOnce(req).catch((err: unknown) => {
        // A reservation of the same job id committed while this one waited for the lock (it was
        // not in the lock statement's snapshot): its insert failed on the unique job id and
        // nothing was written. Once more, now seeing it: a replay, or CONFLICT for another user.
        if (isJobIdTaken(err)) return this.reserveOnce(req);
        throw err;
      });
      this.outcomes.inc({ action: req.action, outcome: reply.replayed ? 'replayed' : 'granted' });
      return reply;
    } catch (err) {
      this.outcomes.inc({ action: req.action, outcome: err instanceof AppError ? err.code : 'error' });
      throw err;
    }
  }

  private reserveOnce(req: ReserveRequest): Promise<RpcReply<'quota.reserve'>> {
    return this.db.transaction((tx) => this.reserveIn(req, tx));
  }

  /**
   * Four round trips to PostgreSQL: BEGIN, the subscription lock (with the plan and the job id's
   * owner), every hold and the reservation row in one statement, COMMIT. A refusal reads the
   * month's row for its details and rolls back.
   */
  private async reserveIn(req: ReserveRequest, tx: Tx): Promise<RpcReply<'quota.reserve'>> {
    const now = this.clock.now();
    const month = monthOf(now);
    const { subscription: sub, plan: planRecord, jobOwner } = await this.subs.lockOrCreate(req.userId, now, tx, req.jobId);

    // Job ids are unique across users: another user's reservation of this id is a conflict, the
    // caller's own a replay.
    if (jobOwner !== undefined && jobOwner !== req.userId) throw new AppError('CONFLICT', 'This job id is already used', { jobId: req.jobId });
    const existing = jobOwner === undefined ? undefined : await this.repo.find(req.userId, req.jobId, tx);
    if (existing) return { reservationId: existing.id, granted: true, plan: existing.planCode, priority: existing.priority, replayed: true };

    const { limits, features } = effectiveLimits(planRecord, sub.limitOverrides);
    const plan = planRecord.code;
    for (const feature of [ACTION_FEATURES[req.action], ...req.features]) {
      if (!features.includes(feature)) {
        throw new AppError('FEATURE_NOT_IN_PLAN', `Your plan (${plan}) does not include ${feature}`, { feature, plan });
      }
    }
    if (req.inputBytes !== undefined && limits.max_file_bytes >= 0 && req.inputBytes > limits.max_file_bytes) {
      throw new AppError('FILE_TOO_LARGE', `Input is larger than your plan allows (${limits.max_file_bytes} bytes)`, {
        limit: limits.max_file_bytes,
        actual: req.inputBytes,
        plan,
      });
    }
    if (req.mediaSeconds !== undefined && limits.max_media_seconds >= 0 && req.mediaSeconds > limits.max_media_seconds) {
      throw new AppError('MEDIA_TOO_LONG', `Media is longer than your plan allows (${limits.max_media_seconds} s)`, {
        limit: limits.max_media_seconds,
        actual: req.mediaSeconds,
        plan,
      });
    }

    // Trim and overlay hold one job; transcription also holds its estimated minutes (at least the
    // media's duration in whole minutes, when the caller knows it).
    const units =
      req.action === 'transcribe' ? Math.max(req.units, req.mediaSeconds !== undefined ? Math.ceil(req.mediaSeconds / 60) : 0) : 1;
    const jobsLimit = limits[ACTION_JOBS_LIMIT[req.action]];
    const unitsLimit = req.action === 'transcribe' ? limits.transcribe_minutes_per_month : -1;
    // A trim with subtitles, or a hooks/shorts job that transcribes, also holds the minutes it will
    // transcribe (no transcription job); a shorts job holds one trim job per clip it may cut, all up front.
    const subtitleMinutes = req.action === 'trim' || req.action === 'hooks' ? req.subtitleMinutes : 0;
    const trimJobs = req.action === 'hooks' ? req.trimJobs : 0;
    const minutesLimit = limits.transcribe_minutes_per_month;
    const trimsLimit = limits[ACTION_JOBS_LIMIT.trim];
    const held = await this.repo.reserve(
      {
        userId: req.userId,
        jobId: req.jobId,
        action: req.action,
        month,
        units,
        subtitleMinutes,
        trimJobs,
        planCode: plan,
        priority: planRecord.priority,
        ttlSeconds: this.config.RESERVATION_TTL_S,
        jobsLimit,
        unitsLimit,
        minutesLimit,
        trimJobsLimit: trimsLimit,
        slotsLimit: limits.max_concurrent_jobs,
      },
      tx,
    );
    // Refusals in the order the limits were always checked; throwing rolls back the holds taken.
    const key = { userId: req.userId, month, action: req.action };
    if (!held.jobs) throw await this.quotaExceeded(key, units, jobsLimit, unitsLimit, plan, 1, tx);
    if (!held.minutes) throw await this.quotaExceeded({ ...key, action: 'transcribe' }, subtitleMinutes, -1, minutesLimit, plan, 1, tx);
    if (!held.trims) throw await this.quotaExceeded({ ...key, action: 'trim' }, 0, trimsLimit, -1, plan, trimJobs, tx);
    if (!held.slot) {
      throw new AppError(
        'CONCURRENCY_LIMIT',
        `Your plan (${plan}) runs at most ${limits.max_concurrent_jobs} job(s) at a time; wait for one to finish`,
        { limit: limits.max_concurrent_jobs, active: sub.activeJobs, plan },
      );
    }
    if (!held.id) throw new Error('quota reservation: every hold taken but no reservation row written');
    return { reservationId: held.id, granted: true, plan, priority: planRecord.priority, replayed: false };
  }

  private async quotaExceeded(
    key: { userId: string; month: string; action: UsageAction },
    units: number,
    jobsLimit: number,
    unitsLimit: number,
    plan: string,
    jobsRequested: number,
    tx: Tx,
  ): Promise<AppError> {
    const row = await this.repo.monthly(key.userId, key.month, key.action, tx);
    const jobs = { used: row?.jobsUsed ?? 0, reserved: row?.jobsReserved ?? 0 };
    const mins = { used: Number(row?.unitsUsed ?? 0), reserved: Number(row?.unitsReserved ?? 0) };
    const jobsOver = jobsLimit >= 0 && jobs.used + jobs.reserved + jobsRequested > jobsLimit;
    const [metric, limit, c, requested] = jobsOver
      ? [key.action, jobsLimit, jobs, jobsRequested]
      : ['transcribe_minutes', unitsLimit, mins, units];
    return new AppError('QUOTA_EXCEEDED', `Monthly ${metric} quota of your plan (${plan}) is used up`, {
      metric,
      limit,
      used: c.used,
      reserved: c.reserved,
      requested,
      plan,
      month: key.month,
      resets_at: resetsAt(key.month),
    });
  }

  /** Releases a job's pending reservation (failed, cancelled or expired job). Idempotent. */
  async release(userId: string, jobId: string, reason: string): Promise<ReleaseReply> {
    return this.db.transaction(async (tx) => {
      const sub = await this.subs.lock(userId, tx);
      if (!sub) return { released: false, status: null };
      const r = await this.repo.lockOwn(userId, jobId, tx);
      if (!r) return { released: false, status: null };
      if (r.status !== 'pending') return { released: false, status: r.status };
      await this.settle(r, 'released', { reason }, tx);
      return { released: true, status: 'released' };
    });
  }

  /**
   * Settles a pending reservation inside the caller's transaction (which holds the subscription
   * lock): its job and units leave `reserved` and its concurrency slot is freed.
   */
  private async settle(r: ReservationRecord, status: 'committed' | 'released', extra: { reason?: string; units?: number }, tx: Tx): Promise<void> {
    await this.repo.settle(r.userId, r.id, status, extra, tx);
    await this.repo.unreserve(r, tx);
    await this.subs.freeSlot(r.userId, tx);
  }
}

/** The unique job id of `quota_reservations` refused an insert (PostgreSQL unique_violation). */
function isJobIdTaken(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown } | null;
  return e?.code === '23505' && typeof e.constraint === 'string' && e.constraint.startsWith('quota_reservations_job_id');
}
