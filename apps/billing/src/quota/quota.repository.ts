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

  /**
   * Who holds a reservation for this job id, whoever that is. Deliberately not scoped by user: job
   * ids are unique across users, so `quota.reserve` must answer CONFLICT when another user's
   * reservation already has the id. It returns the owner's id only, nothing of their reservation.
   */
  async findOwnerOfJob(jobId: string, tx: Tx = this.db.tx): Promise<string | undefined> {
    return (await one<{ user_id: string }>(tx, 'SELECT user_id FROM quota_reservations WHERE job_id = $1', [jobId]))?.user_id;
  }

  async find(userId: string, jobId: string, tx: Tx = this.db.tx): Promise<ReservationRecord | undefined> {
    const row = await one(tx, 'SELECT * FROM quota_reservations WHERE user_id = $1 AND job_id = $2', [userId, jobId]);
    return row && this.toReservation(row);
  }

  /** The user's reservation of this job, locked until the transaction ends. */
  async lockOwn(userId: string, jobId: string, tx: Tx): Promise<ReservationRecord | undefined> {
    const row = await one(tx, 'SELECT * FROM quota_reservations WHERE user_id = $1 AND job_id = $2 FOR UPDATE', [userId, jobId]);
    return row && this.toReservation(row);
  }

  /** The reservations of these (user, job) pairs (any status). The caller holds the users' subscription locks. */
  async findByJobs(keys: Array<{ userId: string; jobId: string }>, tx: Tx = this.db.tx): Promise<ReservationRecord[]> {
    if (!keys.length) return [];
    // one JSON parameter: pg's array encoding escaped each of the 2 × N uuids (half this read's time)
    const rows = await query(
      tx,
      `SELECT q.* FROM quota_reservations q
       JOIN (SELECT DISTINCT * FROM json_to_recordset($1::json) AS k("userId" uuid, "jobId" uuid)) k ON q.job_id = k."jobId" AND q.user_id = k."userId"`,
      [JSON.stringify(keys.map((k) => ({ userId: k.userId, jobId: k.jobId })))],
    );
    return rows.map(this.toReservation);
  }

  /**
   * Marks these pending reservations committed (with the units metered) and frees one
   * concurrency slot per commit on each user's subscription, in one statement. The caller holds
   * the users' subscription locks and takes the reserved amounts out of `usage_monthly` itself
   * (UsageRepository.applyMonthly). Returns the job ids committed.
   */
  async commitMany(commits: Array<{ userId: string; jobId: string; units: number }>, tx: Tx = this.db.tx): Promise<Set<string>> {
    if (!commits.length) return new Set();
    const rows = await query<{ job_id: string }>(
      tx,
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

  async ensureMonthly(userId: string, month: string, metric: string, tx: Tx = this.db.tx): Promise<void> {
    await execute(tx, 'INSERT INTO usage_monthly (user_id, month, metric) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [userId, month, metric]);
  }

  /**
   * Holds one job and `units` against the month's limits in one conditional UPDATE (the row lock
   * serialises racers; the CHECK constraints back it up). Returns false when a limit would be passed.
   */
  async tryReserve(
    userId: string,
    key: { month: string; action: UsageAction },
    units: number,
    jobsLimit: number,
    unitsLimit: number,
    tx: Tx = this.db.tx,
  ): Promise<boolean> {
    const rows = await query(
      tx,
      `UPDATE usage_monthly
       SET jobs_reserved = jobs_reserved + 1, units_reserved = units_reserved + $4,
           jobs_limit = $5, units_limit = $6, updated_at = now()
       WHERE user_id = $1 AND month = $2 AND metric = $3
         AND ($5 < 0 OR jobs_used + jobs_reserved + 1 <= $5)
         AND ($6 < 0 OR units_used + units_reserved + $4 <= $6)
       RETURNING 1`,
      [userId, key.month, key.action, units, jobsLimit, unitsLimit],
    );
    return rows.length === 1;
  }

  /** Holds `minutes` of transcription (no job) on the month's `transcribe` row, within its limit. */
  async tryReserveMinutes(userId: string, month: string, minutes: number, minutesLimit: number, tx: Tx = this.db.tx): Promise<boolean> {
    const rows = await query(
      tx,
      `UPDATE usage_monthly SET units_reserved = units_reserved + $3, units_limit = $4, updated_at = now()
       WHERE user_id = $1 AND month = $2 AND metric = 'transcribe'
         AND ($4 < 0 OR units_used + units_reserved + $3 <= $4)
       RETURNING 1`,
      [userId, month, minutes, minutesLimit],
    );
    return rows.length === 1;
  }

  /** Holds `jobs` trim jobs (no units) on the month's `trim` row, within its job limit. */
  async tryReserveJobs(userId: string, month: string, metric: string, jobs: number, jobsLimit: number, tx: Tx = this.db.tx): Promise<boolean> {
    const rows = await query(
      tx,
      `UPDATE usage_monthly SET jobs_reserved = jobs_reserved + $4, jobs_limit = $5, updated_at = now()
       WHERE user_id = $1 AND month = $2 AND metric = $3
         AND ($5 < 0 OR jobs_used + jobs_reserved + $4 <= $5)
       RETURNING 1`,
      [userId, month, metric, jobs, jobsLimit],
    );
    return rows.length === 1;
  }

  /** Takes a reservation's job and units (and the minutes and trim jobs it held) out of its owner's `reserved`. */
  async unreserve(r: ReservationRecord, tx: Tx = this.db.tx): Promise<void> {
    await execute(
      tx,
      `UPDATE usage_monthly SET jobs_reserved = jobs_reserved - 1, units_reserved = units_reserved - $4, updated_at = now()
       WHERE user_id = $1 AND month = $2 AND metric = $3`,
      [r.userId, r.month, r.action, r.units],
    );
    if (r.subtitleMinutes > 0) {
      await execute(
        tx,
        `UPDATE usage_monthly SET units_reserved = units_reserved - $3, updated_at = now()
         WHERE user_id = $1 AND month = $2 AND metric = 'transcribe'`,
        [r.userId, r.month, r.subtitleMinutes],
      );
    }
    if (r.trimJobs > 0) {
      await execute(
        tx,
        `UPDATE usage_monthly SET jobs_reserved = jobs_reserved - $3, updated_at = now()
         WHERE user_id = $1 AND month = $2 AND metric = 'trim'`,
        [r.userId, r.month, r.trimJobs],
      );
    }
  }

  async monthly(userId: string, month: string, metric: string, tx: Tx = this.db.tx): Promise<MonthlyRecord | undefined> {
    const row = await one(tx, 'SELECT * FROM usage_monthly WHERE user_id = $1 AND month = $2 AND metric = $3', [userId, month, metric]);
    return row && this.toMonthly(row);
  }

  async insert(r: NewReservation & { ttlSeconds: number }, tx: Tx = this.db.tx): Promise<string> {
    const row = await one<{ id: string }>(
      tx,
      `INSERT INTO quota_reservations (user_id, job_id, action, month, units, subtitle_minutes, trim_jobs, plan_code, priority, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() + make_interval(secs => $10)) RETURNING id`,
      [r.userId, r.jobId, r.action, r.month, r.units, r.subtitleMinutes, r.trimJobs, r.planCode, r.priority, r.ttlSeconds],
    );
    return (row as { id: string }).id;
  }

  async settle(
    userId: string,
    id: string,
    status: 'committed' | 'released',
    extra: { reason?: string; units?: number },
    tx: Tx = this.db.tx,
  ): Promise<void> {
    await execute(
      tx,
      `UPDATE quota_reservations SET status = $3, release_reason = $4, committed_units = $5, settled_at = now()
       WHERE user_id = $1 AND id = $2 AND status = 'pending'`,
      [userId, id, status, extra.reason ?? null, extra.units ?? null],
    );
  }

  /** The jobs of a user's reservations still pending. */
  async pendingJobIds(userId: string, tx: Tx = this.db.tx): Promise<string[]> {
    const rows = await query<{ job_id: string }>(tx, `SELECT job_id FROM quota_reservations WHERE user_id = $1 AND status = 'pending'`, [userId]);
    return rows.map((r) => r.job_id);
  }

  /**
   * Pending reservations past their expiry, oldest first, of every user: the reaper's sweep is
   * across tenants by nature. Each one found is then released through its owner's locked path.
   */
  async expired(limit: number, tx: Tx = this.db.tx): Promise<ReservationRecord[]> {
    const rows = await query(tx, `SELECT * FROM quota_reservations WHERE status = 'pending' AND expires_at < now() ORDER BY expires_at LIMIT $1`, [limit]);
    return rows.map(this.toReservation);
  }
}
