import { Injectable } from '@nestjs/common';
import type { UsageAction } from '@clipyard/contracts';
import { Database, QuotaReservationEntity, UsageMonthlyEntity, execute, one, query, type Row, type Tx } from '@clipyard/database';
import type { MonthlyRecord } from '../usage/usage.repository';

/** A `quota_reservations` row (the entity's shape). */
export type ReservationRecord = QuotaReservationEntity;

export type NewReservation = Pick<
  ReservationRecord,
  'userId' | 'jobId' | 'action' | 'month' | 'units' | 'subtitleMinutes' | 'trimJobs' | 'planCode' | 'priority'
>;

/** `quota_reservations` and the reservation columns of `usage_monthly`. */
@Injectable()
export class QuotaRepository {
  private readonly toReservation: (row: Row) => ReservationRecord;
  private readonly toMonthly: (row: Row) => MonthlyRecord;

  constructor(private readonly db: Database) {
    this.toReservation = db.records(QuotaReservationEntity);
    this.toMonthly = db.records(UsageMonthlyEntity);
  }

  async findByJob(m: Tx, jobId: string, lock = false): Promise<ReservationRecord | undefined> {
    const row = await one(m, `SELECT * FROM quota_reservations WHERE job_id = $1${lock ? ' FOR UPDATE' : ''}`, [jobId]);
    return row && this.toReservation(row);
  }

  /** The reservations of these jobs (any status). The caller holds their users' subscription locks. */
  async findByJobs(m: Tx, jobIds: string[]): Promise<ReservationRecord[]> {
    if (!jobIds.length) return [];
    return (await query(m, 'SELECT * FROM quota_reservations WHERE job_id = ANY($1::uuid[])', [jobIds])).map(this.toReservation);
  }

  /**
   * Marks these pending reservations committed (with the units metered) and frees one
   * concurrency slot per commit on each user's subscription, in one statement. The caller holds
   * the users' subscription locks and takes the reserved amounts out of `usage_monthly` itself
   * (UsageRepository.applyMonthly). Returns the job ids committed.
   */
  async commitMany(m: Tx, commits: Array<{ userId: string; jobId: string; units: number }>): Promise<Set<string>> {
    if (!commits.length) return new Set();
    const rows = await query<{ job_id: string }>(
      m,
      `WITH c AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[]) AS c(user_id, job_id, units)),
       r AS (
         UPDATE quota_reservations q SET status = 'committed', committed_units = c.units, settled_at = now()
         FROM c WHERE q.job_id = c.job_id AND q.user_id = c.user_id AND q.status = 'pending'
         RETURNING q.user_id, q.job_id),
       s AS (
         UPDATE subscriptions SET active_jobs = GREATEST(active_jobs - n.n, 0)
         FROM (SELECT user_id, count(*)::int AS n FROM r GROUP BY user_id) n
         WHERE subscriptions.user_id = n.user_id AND subscriptions.active_jobs > 0 RETURNING 1)
       SELECT r.job_id, (SELECT count(*) FROM s) AS touched FROM r`,
      [commits.map((c) => c.userId), commits.map((c) => c.jobId), commits.map((c) => c.units)],
    );
    return new Set(rows.map((r) => r.job_id));
  }

  async ensureMonthly(m: Tx, userId: string, month: string, metric: string): Promise<void> {
    await execute(m, 
      'INSERT INTO usage_monthly (user_id, month, metric) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [userId, month, metric],
    );
  }

  /**
   * Holds one job and `units` against the month's limits in one conditional UPDATE (the row lock
   * serialises racers; the CHECK constraints back it up). Returns false when a limit would be passed.
   */
  async tryReserve(
    m: Tx,
    key: { userId: string; month: string; action: UsageAction },
    units: number,
    jobsLimit: number,
    unitsLimit: number,
  ): Promise<boolean> {
    const rows = await query(
      m,
      `UPDATE usage_monthly
       SET jobs_reserved = jobs_reserved + 1, units_reserved = units_reserved + $4,
           jobs_limit = $5, units_limit = $6, updated_at = now()
       WHERE user_id = $1 AND month = $2 AND metric = $3
         AND ($5 < 0 OR jobs_used + jobs_reserved + 1 <= $5)
         AND ($6 < 0 OR units_used + units_reserved + $4 <= $6)
       RETURNING 1`,
      [key.userId, key.month, key.action, units, jobsLimit, unitsLimit],
    );
    return rows.length === 1;
  }

  /** Holds `minutes` of transcription (no job) on the month's `transcribe` row, within its limit. */
  async tryReserveMinutes(m: Tx, userId: string, month: string, minutes: number, minutesLimit: number): Promise<boolean> {
    const rows = await query(
      m,
      `UPDATE usage_monthly SET units_reserved = units_reserved + $3, units_limit = $4, updated_at = now()
       WHERE user_id = $1 AND month = $2 AND metric = 'transcribe'
         AND ($4 < 0 OR units_used + units_reserved + $3 <= $4)
       RETURNING 1`,
      [userId, month, minutes, minutesLimit],
    );
    return rows.length === 1;
  }

  /** Holds `jobs` trim jobs (no units) on the month's `trim` row, within its job limit. */
  async tryReserveJobs(m: Tx, userId: string, month: string, metric: string, jobs: number, jobsLimit: number): Promise<boolean> {
    const rows = await query(
      m,
      `UPDATE usage_monthly SET jobs_reserved = jobs_reserved + $4, jobs_limit = $5, updated_at = now()
       WHERE user_id = $1 AND month = $2 AND metric = $3
         AND ($5 < 0 OR jobs_used + jobs_reserved + $4 <= $5)
       RETURNING 1`,
      [userId, month, metric, jobs, jobsLimit],
    );
    return rows.length === 1;
  }

  async unreserve(m: Tx, r: ReservationRecord): Promise<void> {
    await execute(m, 
      `UPDATE usage_monthly SET jobs_reserved = jobs_reserved - 1, units_reserved = units_reserved - $4, updated_at = now()
       WHERE user_id = $1 AND month = $2 AND metric = $3`,
      [r.userId, r.month, r.action, r.units],
    );
    if (r.subtitleMinutes > 0) {
      await execute(m, 
        `UPDATE usage_monthly SET units_reserved = units_reserved - $3, updated_at = now()
         WHERE user_id = $1 AND month = $2 AND metric = 'transcribe'`,
        [r.userId, r.month, r.subtitleMinutes],
      );
    }
    if (r.trimJobs > 0) {
      await execute(m, 
        `UPDATE usage_monthly SET jobs_reserved = jobs_reserved - $3, updated_at = now()
         WHERE user_id = $1 AND month = $2 AND metric = 'trim'`,
        [r.userId, r.month, r.trimJobs],
      );
    }
  }

  async monthly(m: Tx, userId: string, month: string, metric: string): Promise<MonthlyRecord | undefined> {
    const row = await one(m, 'SELECT * FROM usage_monthly WHERE user_id = $1 AND month = $2 AND metric = $3', [userId, month, metric]);
    return row && this.toMonthly(row);
  }

  async insert(m: Tx, r: NewReservation & { ttlSeconds: number }): Promise<string> {
    const row = await one<{ id: string }>(
      m,
      `INSERT INTO quota_reservations (user_id, job_id, action, month, units, subtitle_minutes, trim_jobs, plan_code, priority, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() + make_interval(secs => $10)) RETURNING id`,
      [r.userId, r.jobId, r.action, r.month, r.units, r.subtitleMinutes, r.trimJobs, r.planCode, r.priority, r.ttlSeconds],
    );
    return (row as { id: string }).id;
  }

  async settle(m: Tx, id: string, status: 'committed' | 'released', extra: { reason?: string; units?: number }): Promise<void> {
    await execute(m, 
      `UPDATE quota_reservations SET status = $2, release_reason = $3, committed_units = $4, settled_at = now()
       WHERE id = $1 AND status = 'pending'`,
      [id, status, extra.reason ?? null, extra.units ?? null],
    );
  }

  /** The jobs of a user's reservations still pending. */
  async pendingJobIds(userId: string, m: Tx = this.db.tx): Promise<string[]> {
    const rows = await query<{ job_id: string }>(m, `SELECT job_id FROM quota_reservations WHERE user_id = $1 AND status = 'pending'`, [userId]);
    return rows.map((r) => r.job_id);
  }

  /** Pending reservations past their expiry, oldest first. */
  async expired(m: Tx, limit: number): Promise<ReservationRecord[]> {
    const rows = await query(m, `SELECT * FROM quota_reservations WHERE status = 'pending' AND expires_at < now() ORDER BY expires_at LIMIT $1`, [limit]);
    return rows.map(this.toReservation);
  }
}
