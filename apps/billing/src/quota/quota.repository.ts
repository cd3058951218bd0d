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

  /**
   * Takes everything a new reservation holds in one statement: one job and `units` on the action's
   * month row (created when missing), the `subtitleMinutes` on the `transcribe` row and the
   * `trimJobs` on the `trim` row when non-zero, one concurrency slot on the subscription, and the
   * reservation row itself. Each hold is a conditional upsert/UPDATE within its limit (-1 =
   * unlimited), re-checked on the latest row version; the reservation row is written only when
   * every hold was taken. The caller holds the user's subscription lock and rolls the transaction
   * back when any hold is refused (the others were then taken by this statement). The flags say
   * which holds were taken; `id` is the reservation's when all were.
   */
  async reserve(
    r: NewReservation & {
      ttlSeconds: number;
      jobsLimit: number;
      unitsLimit: number;
      minutesLimit: number;
      trimJobsLimit: number;
      slotsLimit: number;
    },
    tx: Tx,
  ): Promise<{ jobs: boolean; minutes: boolean; trims: boolean; slot: boolean; id?: string }> {
    // The holds are CTEs of one statement, and PostgreSQL applies only one of two modifications of
    // the same row in one statement: the minutes and trim-job holds must fall on rows other than the
    // action's own (the service asks for them only for trim/hooks and hooks).
    if ((r.subtitleMinutes > 0 && r.action === 'transcribe') || (r.trimJobs > 0 && r.action === 'trim')) {
      throw new Error(`quota.reserve: a ${r.action} reservation cannot also hold ${r.action} minutes or trim jobs`);
    }
    const row = await one<{ jobs: boolean; minutes: boolean; trims: boolean; slot: boolean; id: string | null }>(
      tx,
      `WITH
       a AS (
         INSERT INTO usage_monthly AS m (user_id, month, metric, jobs_reserved, units_reserved, jobs_limit, units_limit)
         SELECT $1::uuid, $2::text, $3::text, 1, $4::bigint, $5::int, $6::bigint
         WHERE ($5::int < 0 OR 1 <= $5::int) AND ($6::bigint < 0 OR $4::bigint <= $6::bigint)
         ON CONFLICT (user_id, month, metric) DO UPDATE
           SET jobs_reserved = m.jobs_reserved + 1, units_reserved = m.units_reserved + $4::bigint,
               jobs_limit = $5::int, units_limit = $6::bigint, updated_at = now()
           WHERE ($5::int < 0 OR m.jobs_used + m.jobs_reserved + 1 <= $5::int)
             AND ($6::bigint < 0 OR m.units_used + m.units_reserved + $4::bigint <= $6::bigint)
         RETURNING 1),
       t AS (
         INSERT INTO usage_monthly AS m (user_id, month, metric, units_reserved, units_limit)
         SELECT $1::uuid, $2::text, 'transcribe', $7::bigint, $8::bigint
         WHERE $7::bigint > 0 AND ($8::bigint < 0 OR $7::bigint <= $8::bigint)
         ON CONFLICT (user_id, month, metric) DO UPDATE
           SET units_reserved = m.units_reserved + $7::bigint, units_limit = $8::bigint, updated_at = now()
           WHERE $8::bigint < 0 OR m.units_used + m.units_reserved + $7::bigint <= $8::bigint
         RETURNING 1),
       j AS (
         INSERT INTO usage_monthly AS m (user_id, month, metric, jobs_reserved, jobs_limit)
         SELECT $1::uuid, $2::text, 'trim', $9::int, $10::int
         WHERE $9::int > 0 AND ($10::int < 0 OR $9::int <= $10::int)
         ON CONFLICT (user_id, month, metric) DO UPDATE
           SET jobs_reserved = m.jobs_reserved + $9::int, jobs_limit = $10::int, updated_at = now()
           WHERE $10::int < 0 OR m.jobs_used + m.jobs_reserved + $9::int <= $10::int
         RETURNING 1),
       s AS (
         UPDATE subscriptions SET active_jobs = active_jobs + 1, active_jobs_limit = $11::int
         WHERE user_id = $1::uuid AND ($11::int < 0 OR active_jobs + 1 <= $11::int)
         RETURNING 1),
       ok AS (
         SELECT EXISTS (SELECT 1 FROM a) AS jobs,
                ($7::bigint = 0 OR EXISTS (SELECT 1 FROM t)) AS minutes,
                ($9::int = 0 OR EXISTS (SELECT 1 FROM j)) AS trims,
                EXISTS (SELECT 1 FROM s) AS slot),
       r AS (
         INSERT INTO quota_reservations (user_id, job_id, action, month, units, subtitle_minutes, trim_jobs, plan_code, priority, expires_at)
         SELECT $1::uuid, $12::uuid, $3::text, $2::text, $4::bigint, $7::bigint, $9::int, $13::text, $14::int, now() + make_interval(secs => $15::int)
         FROM ok WHERE ok.jobs AND ok.minutes AND ok.trims AND ok.slot
         RETURNING id)
       SELECT ok.*, (SELECT id FROM r) AS id FROM ok`,
      [
        r.userId,
        r.month,
        r.action,
        r.units,
        r.jobsLimit,
        r.unitsLimit,
        r.subtitleMinutes,
        r.minutesLimit,
        r.trimJobs,
        r.trimJobsLimit,
        r.slotsLimit,
        r.jobId,
        r.planCode,
        r.priority,
        r.ttlSeconds,
      ],
    );
    const { jobs, minutes, trims, slot, id } = row!;
    return { jobs, minutes, trims, slot, ...(id ? { id } : {}) };
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
