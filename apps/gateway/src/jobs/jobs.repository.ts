import { Injectable, Optional } from '@nestjs/common';
import { Database, JobEntity, execute, one, query, type JobOutputRecord, type JobStatus, type JobType, type Row } from '@clipyard/database';
import { JobStatusCache } from './job-status.cache';
import type { JobRecord } from './job.record';

export type { JobRecord } from './job.record';

export interface NewJob {
  id: string;
  userId: string;
  type: JobType;
  params: Record<string, unknown>;
  input: { key: string } | { url: string } | { video_page_url: string };
  uploadId: string | null;
  priority: number;
  reservationId: string | null;
  aiProvider?: string | null;
  aiModel?: string | null;
}

export interface ListFilter {
  status?: JobStatus;
  type?: JobType;
  limit: number;
  /** Keyset position: strictly older than this (created_at, id). */
  before?: { createdAt: Date; id: string };
}

const COLUMNS = `id, user_id, type, status, progress, params, input, upload_id, priority, reservation_id, attempt,
  error, outputs, usage, result, ai_provider, ai_model, revision, created_at, started_at, completed_at, outputs_expired_at`;

const J_COLUMNS = COLUMNS.split(',').map((c) => `j.${c.trim()}`).join(', ');

/** Still running: the only states an event or a cancel may move forward from. */
const OPEN = `status IN ('queued', 'active')`;

/**
 * The jobs table. Every method that touches a tenant's job takes the owner's user id; there is
 * no lookup by id alone. Event updates only ever move a job forward (queued → active → terminal),
 * so a late or duplicated event cannot undo a finished job. Every write announces the job to the
 * status cache once it has committed (no write here runs inside a caller's transaction).
 */
@Injectable()
export class JobsRepository {
  private readonly toRecord: (r: Row) => JobRecord;

  constructor(
    private readonly db: Database,
    @Optional() private readonly cache?: JobStatusCache,
  ) {
    this.toRecord = db.records(JobEntity);
  }

  private async changed<T>(userId: string, ids: string | string[], result: T): Promise<T> {
    await this.cache?.changed(userId, ids);
    return result;
  }

  async insert(j: NewJob): Promise<JobRecord> {
    const { job, announce } = await this.insertUnannounced(j);
    await announce();
    return job;
  }

  /**
   * Inserts a new job. `announce()` settles (never rejects) once every gateway has dropped
   * whatever it held for the id (nothing, unless someone polled a random id before it existed):
   * call and await it before the job is shown to anyone; the submission enqueues first.
   */
  async insertUnannounced(j: NewJob): Promise<{ job: JobRecord; announce: () => Promise<void> }> {
    const job = await one(
      this.db.tx,
      `INSERT INTO jobs (id, user_id, type, params, input, upload_id, priority, reservation_id, ai_provider, ai_model)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [j.id, j.userId, j.type, j.params, j.input, j.uploadId, j.priority, j.reservationId, j.aiProvider ?? null, j.aiModel ?? null],
      // on pickup's path (the row commits before the add): parsed and planned once per connection
      { prepare: true },
    );
    return { job: this.toRecord(job!), announce: () => this.changed(j.userId, j.id, undefined) };
  }

  /**
   * The status-polling read: one primary-key lookup, filtered by owner, served from the status
   * cache when it holds the job. `fresh` reads PostgreSQL whatever the cache holds.
   */
  async findOwned(userId: string, id: string, opts: { fresh?: boolean } = {}): Promise<JobRecord | null> {
    const load = async () => {
      const r = await one(this.db.tx, `SELECT ${COLUMNS} FROM jobs WHERE id = $1 AND user_id = $2`, [id, userId]);
      return r ? this.toRecord(r) : null;
    };
    return this.cache && !opts.fresh ? this.cache.read(userId, id, load) : load();
  }

  /** The owned job as findOwned would answer it from the status cache alone; undefined when that would need a read. */
  cachedOwned(userId: string, id: string): JobRecord | null | undefined {
    return this.cache?.peek(userId, id);
  }

  /**
   * The owner of a job, found by id alone: only for an operator's admin tools (the REPL), which
   * then act on the job as that owner through the tenant-scoped methods.
   */
  async ownerOf(id: string): Promise<string | undefined> {
    return (await one<{ user_id: string }>(this.db.tx, 'SELECT user_id FROM jobs WHERE id = $1', [id]))?.user_id;
  }

  /** Deletes every job of a user (account deletion); returns the storage keys of their outputs. */
  async deleteAllOwned(userId: string): Promise<{ ids: string[]; outputKeys: string[] }> {
    const rows = await query<{ id: string; outputs: { key: string }[] }>(this.db.tx, `DELETE FROM jobs WHERE user_id = $1 RETURNING id, outputs`, [userId]);
    const ids = rows.map((r) => r.id);
    if (ids.length) await this.changed(userId, ids, undefined);
    return { ids, outputKeys: rows.flatMap((r) => (r.outputs ?? []).map((o) => o.key)) };
  }

  /** Jobs of a user still queued or running. */
  async openIds(userId: string): Promise<string[]> {
    const rows = await query<{ id: string }>(this.db.tx, `SELECT id FROM jobs WHERE user_id = $1 AND ${OPEN}`, [userId]);
    return rows.map((r) => r.id);
  }

  /** Removes a job that never reached the queue (submission rollback). */
  /** Deletes a finished (not queued or running) job of the user's; false when there was none. */
  async deleteFinished(userId: string, id: string): Promise<boolean> {
    const r = await one(this.db.tx, `DELETE FROM jobs WHERE id = $1 AND user_id = $2 AND NOT ${OPEN} RETURNING id`, [id, userId]);
    return this.changed(userId, id, r !== undefined);
  }

  async deleteOwned(userId: string, id: string): Promise<void> {
    await execute(this.db.tx, `DELETE FROM jobs WHERE id = $1 AND user_id = $2`, [id, userId]);
    await this.changed(userId, id, undefined);
  }

  async list(userId: string, f: ListFilter): Promise<JobRecord[]> {
    const where = ['user_id = $1'];
    const args: unknown[] = [userId];
    if (f.status) where.push(`status = $${args.push(f.status)}`);
    if (f.type) where.push(`type = $${args.push(f.type)}`);
    if (f.before) {
      const a = args.push(f.before.createdAt);
      const b = args.push(f.before.id);
      where.push(`(created_at, id) < ($${a}, $${b})`);
    }
    const limit = args.push(f.limit);
    const rows = await query(
      this.db.tx,
      `SELECT ${COLUMNS} FROM jobs WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${limit}`,
      args,
    );
    return rows.map(this.toRecord);
  }

  async countsByTypeAndStatus(userId: string): Promise<{ type: JobType; status: JobStatus; count: number }[]> {
    const rows = await query<{ type: JobType; status: JobStatus; count: number }>(
      this.db.tx,
      `SELECT type, status, count(*)::int AS count FROM jobs WHERE user_id = $1 GROUP BY type, status`,
      [userId],
    );
    return rows.map((r) => ({ type: r.type, status: r.status, count: r.count }));
  }

  async markStarted(userId: string, id: string, at: Date, attempt: number): Promise<boolean> {
    const n = await execute(
      this.db.tx,
      `UPDATE jobs SET status = 'active', attempt = GREATEST(attempt, $3), started_at = COALESCE(started_at, $4),
         revision = revision + 1, updated_at = now()
       WHERE id = $1 AND user_id = $2 AND ${OPEN}`,
      [id, userId, attempt, at],
    );
    return n > 0 && this.changed(userId, id, true);
  }

  /** Cheap: a primary-key update that is a no-op for a finished job or a stale (lower) value. */
  async setProgress(userId: string, id: string, progress: number): Promise<boolean> {
    const n = await execute(
      this.db.tx,
      `UPDATE jobs SET progress = $3, status = 'active', revision = revision + 1, updated_at = now()
       WHERE id = $1 AND user_id = $2 AND ${OPEN} AND progress < $3`,
      [id, userId, progress],
    );
    return n > 0 && this.changed(userId, id, true);
  }

  async markCompleted(
    userId: string,
    id: string,
    at: Date,
    outputs: JobOutputRecord[],
    result: Record<string, unknown>,
    usage: Record<string, unknown> | null,
  ): Promise<JobRecord | null> {
    const rows = await query(
      this.db.tx,
      `UPDATE jobs SET status = 'completed', progress = 100, outputs = $3, result = $4, usage = $5,
         started_at = COALESCE(started_at, $6), completed_at = $6, revision = revision + 1, updated_at = now()
       WHERE id = $1 AND user_id = $2 AND ${OPEN} RETURNING ${COLUMNS}`,
      [id, userId, JSON.stringify(outputs), result, usage, at],
    );
    return rows[0] ? this.changed(userId, id, this.toRecord(rows[0])) : null;
  }

  async markFailed(userId: string, id: string, at: Date, error: { code: string; message: string }): Promise<JobRecord | null> {
    const rows = await query(
      this.db.tx,
      `UPDATE jobs SET status = 'failed', error = $3, completed_at = $4, revision = revision + 1, updated_at = now()
       WHERE id = $1 AND user_id = $2 AND ${OPEN} RETURNING ${COLUMNS}`,
      [id, userId, error, at],
    );
    return rows[0] ? this.changed(userId, id, this.toRecord(rows[0])) : null;
  }

  /**
   * System sweep (the reconciler), across tenants: still-open jobs nothing has touched since
   * `olderThan`, oldest first. Each result carries its owner, and every follow-up write takes it.
   */
  async openUntouchedSince(olderThan: Date, limit: number): Promise<JobRecord[]> {
    const rows = await query(
      this.db.tx,
      `SELECT ${COLUMNS} FROM jobs WHERE ${OPEN} AND updated_at < $1 ORDER BY updated_at LIMIT $2`,
      [olderThan, limit],
    );
    return rows.map(this.toRecord);
  }

  /** Cancels a running job; returns it with the status it had before, or null if it was not running. */
  async cancel(userId: string, id: string): Promise<{ job: JobRecord; was: JobStatus } | null> {
    const rows = await query(
      this.db.tx,
      `WITH prev AS (SELECT id, status FROM jobs WHERE id = $1 AND user_id = $2 AND ${OPEN} FOR UPDATE)
       UPDATE jobs j SET status = 'canceled', completed_at = now(), revision = j.revision + 1, updated_at = now()
       FROM prev WHERE j.id = prev.id RETURNING prev.status AS was, ${J_COLUMNS}`,
      [id, userId],
    );
    const r = rows[0];
    return r ? this.changed(userId, id, { job: this.toRecord(r), was: r.was as JobStatus }) : null;
  }

  /** Users (after `afterUserId`, in id order) with completed jobs whose outputs still exist and finished before `olderThan`. */
  async usersWithOutputsBefore(olderThan: Date, limit: number, afterUserId = '00000000-0000-0000-0000-000000000000'): Promise<string[]> {
    const rows = await query<{ user_id: string }>(
      this.db.tx,
      `SELECT DISTINCT user_id FROM jobs
       WHERE status = 'completed' AND outputs_expired_at IS NULL AND completed_at < $1 AND user_id > $3
       ORDER BY user_id LIMIT $2`,
      [olderThan, limit, afterUserId],
    );
    return rows.map((r) => r.user_id);
  }

  /** One user's completed jobs whose outputs are due for deletion. */
  async outputsDue(userId: string, olderThan: Date, limit: number): Promise<JobRecord[]> {
    const rows = await query(
      this.db.tx,
      `SELECT ${COLUMNS} FROM jobs
       WHERE user_id = $1 AND status = 'completed' AND outputs_expired_at IS NULL AND completed_at < $2
       ORDER BY completed_at LIMIT $3`,
      [userId, olderThan, limit],
    );
    return rows.map(this.toRecord);
  }

  async markOutputsExpired(userId: string, ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    const n = await execute(
      this.db.tx,
      `UPDATE jobs SET outputs_expired_at = now(), revision = revision + 1, updated_at = now()
       WHERE user_id = $1 AND id = ANY($2::uuid[]) AND outputs_expired_at IS NULL`,
      [userId, ids],
    );
    return this.changed(userId, ids, n);
  }
}
