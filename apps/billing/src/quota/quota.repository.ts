import { Injectable } from '@nestjs/common';
import type { UsageAction } from '@clipyard/contracts';
import { Database, execute, one, query, type Tx } from '@clipyard/database';

export interface ReservationRow {
  id: string;
  user_id: string;
  job_id: string;
  action: UsageAction;
  month: string;
  units: number;
  /** Transcription minutes a subtitled trim holds on the month's `transcribe` row. */
  subtitle_minutes: number;
  /** Trim jobs a shorts job holds on the month's `trim` row (one per clip). */
  trim_jobs: number;
  plan_code: string;
  priority: number;
  status: 'pending' | 'committed' | 'released';
  expires_at: Date;
}

export interface MonthlyRow {
  jobs_used: number;
  jobs_reserved: number;
  units_used: number;
  units_reserved: number;
}

/** `quota_reservations` and the reservation columns of `usage_monthly`. */
@Injectable()
export class QuotaRepository {
  constructor(private readonly db: Database) {}

  findByJob(m: Tx, jobId: string, lock = false): Promise<ReservationRow | undefined> {
    return one<ReservationRow>(
      m,
      `SELECT id, user_id, job_id, action, month, units, subtitle_minutes, trim_jobs, plan_code, priority, status, expires_at
       FROM quota_reservations WHERE job_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [jobId],
    );
  }

  /** The reservations of these jobs (any status). The caller holds their users' subscription locks. */
  findByJobs(m: Tx, jobIds: string[]): Promise<ReservationRow[]> {
    if (!jobIds.length) return Promise.resolve([]);
    return query<ReservationRow>(
      m,
      `SELECT id, user_id, job_id, action, month, units, subtitle_minutes, trim_jobs, plan_code, priority, status, expires_at
       FROM quota_reservations WHERE job_id = ANY($1::uuid[])`,
      [jobIds],
    );
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

  async unreserve(m: Tx, r: ReservationRow): Promise<void> {
    await execute(m, 
      `UPDATE usage_monthly SET jobs_reserved = jobs_reserved - 1, units_reserved = units_reserved - $4, updated_at = now()
       WHERE user_id = $1 AND month = $2 AND metric = $3`,
      [r.user_id, r.month, r.action, r.units],
    );
    if (r.subtitle_minutes > 0) {
      await execute(m, 
        `UPDATE usage_monthly SET units_reserved = units_reserved - $3, updated_at = now()
         WHERE user_id = $1 AND month = $2 AND metric = 'transcribe'`,
        [r.user_id, r.month, r.subtitle_minutes],
      );
    }
    if (r.trim_jobs > 0) {
      await execute(m, 
        `UPDATE usage_monthly SET jobs_reserved = jobs_reserved - $3, updated_at = now()
         WHERE user_id = $1 AND month = $2 AND metric = 'trim'`,
        [r.user_id, r.month, r.trim_jobs],
      );
    }
  }

  monthly(m: Tx, userId: string, month: string, metric: string): Promise<MonthlyRow | undefined> {
    return one<MonthlyRow>(
      m,
      `SELECT jobs_used, jobs_reserved, units_used::float8 AS units_used, units_reserved::float8 AS units_reserved
       FROM usage_monthly WHERE user_id = $1 AND month = $2 AND metric = $3`,
      [userId, month, metric],
    );
  }

  async insert(
    m: Tx,
    r: Omit<ReservationRow, 'id' | 'status' | 'expires_at'> & { ttlSeconds: number },
  ): Promise<string> {
    const row = await one<{ id: string }>(
      m,
      `INSERT INTO quota_reservations (user_id, job_id, action, month, units, subtitle_minutes, trim_jobs, plan_code, priority, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() + make_interval(secs => $10)) RETURNING id`,
      [r.user_id, r.job_id, r.action, r.month, r.units, r.subtitle_minutes, r.trim_jobs, r.plan_code, r.priority, r.ttlSeconds],
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

  /**
   * Commits the job's pending reservation in one statement: marks it committed, takes its job and
   * units (and a subtitled trim's minutes) out of `reserved`, frees its concurrency slot. Returns
   * the reservation, or undefined when the job had none pending. The caller holds the user's
   * subscription lock.
   */
  commitPending(m: Tx, userId: string, jobId: string, units: number) {
    return one<{ month: string; action: UsageAction; units: number; subtitle_minutes: number; trim_jobs: number }>(
      m,
      `WITH r AS (
         UPDATE quota_reservations SET status = 'committed', committed_units = $3, settled_at = now()
         WHERE job_id = $2 AND user_id = $1 AND status = 'pending'
         RETURNING user_id, month, action, units, subtitle_minutes, trim_jobs),
       mo AS (
         UPDATE usage_monthly u SET jobs_reserved = u.jobs_reserved - 1, units_reserved = u.units_reserved - r.units, updated_at = now()
         FROM r WHERE u.user_id = r.user_id AND u.month = r.month AND u.metric = r.action RETURNING 1),
       mm AS (
         UPDATE usage_monthly u SET units_reserved = u.units_reserved - r.subtitle_minutes, updated_at = now()
         FROM r WHERE r.subtitle_minutes > 0 AND u.user_id = r.user_id AND u.month = r.month AND u.metric = 'transcribe' RETURNING 1),
       mt AS (
         UPDATE usage_monthly u SET jobs_reserved = u.jobs_reserved - r.trim_jobs, updated_at = now()
         FROM r WHERE r.trim_jobs > 0 AND u.user_id = r.user_id AND u.month = r.month AND u.metric = 'trim' RETURNING 1),
       s AS (
         UPDATE subscriptions SET active_jobs = active_jobs - 1
         FROM r WHERE subscriptions.user_id = r.user_id AND subscriptions.active_jobs > 0 RETURNING 1)
       SELECT r.month, r.action, r.units, r.subtitle_minutes, r.trim_jobs,
         (SELECT count(*) FROM mo) + (SELECT count(*) FROM mm) + (SELECT count(*) FROM mt) + (SELECT count(*) FROM s) AS touched FROM r`,
      [userId, jobId, units],
    );
  }

  /** The jobs of a user's reservations still pending. */
  async pendingJobIds(userId: string, m: Tx = this.db.tx): Promise<string[]> {
    const rows = await query<{ job_id: string }>(m, `SELECT job_id FROM quota_reservations WHERE user_id = $1 AND status = 'pending'`, [userId]);
    return rows.map((r) => r.job_id);
  }

  /** Pending reservations past their expiry, oldest first. */
  expired(m: Tx, limit: number): Promise<{ user_id: string; job_id: string; created_at: Date }[]> {
    return query(
      m,
      `SELECT user_id, job_id, created_at FROM quota_reservations
       WHERE status = 'pending' AND expires_at < now() ORDER BY expires_at LIMIT $1`,
      [limit],
    );
  }
}
