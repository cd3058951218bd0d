import { Injectable } from '@nestjs/common';
import type { KeysetPosition } from '@clipyard/contracts';
import { Database, UploadEntity, execute, query, type Row } from '@clipyard/database';

/** An uploads row: the entity's shape, with `size` as a number (bigint arrives as a string). */
export type UploadRecord = Omit<UploadEntity, 'size' | 'expiredAt'> & { size: number };

/** The uploads table; every read is by id AND owner. */
@Injectable()
export class UploadsRepository {
  private readonly toEntity: (r: Row) => UploadEntity;

  constructor(private readonly db: Database) {
    this.toEntity = db.records(UploadEntity);
  }

  private toRecord = (r: Row): UploadRecord => {
    const { expiredAt: _expired, ...u } = this.toEntity(r);
    return { ...u, size: Number(u.size) };
  };

  async insert(u: Omit<UploadRecord, 'createdAt'>): Promise<UploadRecord> {
    const rows = await query(
      this.db.tx,
      `INSERT INTO uploads (id, user_id, storage_key, filename, content_type, size, duration_s, width, height, codecs, fragmented)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      [u.id, u.userId, u.storageKey, u.filename, u.contentType, u.size, u.durationS, u.width, u.height, u.codecs, u.fragmented],
    );
    return this.toRecord(rows[0]);
  }

  /** An upload the caller owns whose bytes still exist. */
  async findOwned(userId: string, id: string): Promise<UploadRecord | null> {
    const rows = await query(
      this.db.tx,
      `SELECT * FROM uploads WHERE id = $1 AND user_id = $2 AND expired_at IS NULL`,
      [id, userId],
    );
    return rows[0] ? this.toRecord(rows[0]) : null;
  }

  /** The caller's uploads whose bytes still exist, newest first, strictly older than `before`. */
  async list(userId: string, limit: number, before?: KeysetPosition): Promise<UploadRecord[]> {
    const args: unknown[] = [userId, limit];
    const after = before ? `AND (created_at, id) < ($${args.push(before.createdAt)}, $${args.push(before.id)})` : '';
    const rows = await query(
      this.db.tx,
      `SELECT * FROM uploads WHERE user_id = $1 AND expired_at IS NULL ${after} ORDER BY created_at DESC, id DESC LIMIT $2`,
      args,
    );
    return rows.map(this.toRecord);
  }

  /** Ids of the caller's queued or running jobs that read this upload. */
  async openJobsReading(userId: string, uploadId: string): Promise<string[]> {
    const rows = await query(
      this.db.tx,
      `SELECT id FROM jobs WHERE user_id = $1 AND upload_id = $2 AND status IN ('queued', 'active') ORDER BY created_at LIMIT 10`,
      [userId, uploadId],
    );
    return rows.map((r) => r.id as string);
  }

  /** Uploads created before `olderThan` whose bytes still exist, oldest first (retention sweep). */
  async dueForUser(userId: string, olderThan: Date, limit: number): Promise<UploadRecord[]> {
    const rows = await query(
      this.db.tx,
      `SELECT * FROM uploads WHERE user_id = $1 AND expired_at IS NULL AND created_at < $2 ORDER BY created_at LIMIT $3`,
      [userId, olderThan, limit],
    );
    return rows.map(this.toRecord);
  }

  async usersWithUploadsBefore(olderThan: Date, limit: number, afterUserId = '00000000-0000-0000-0000-000000000000'): Promise<string[]> {
    const rows = await query(
      this.db.tx,
      `SELECT DISTINCT user_id FROM uploads WHERE expired_at IS NULL AND created_at < $1 AND user_id > $3
       ORDER BY user_id LIMIT $2`,
      [olderThan, limit, afterUserId],
    );
    return rows.map((r) => r.user_id as string);
  }

  async markExpired(userId: string, ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    return execute(
      this.db.tx,
      `UPDATE uploads SET expired_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND expired_at IS NULL`,
      [userId, ids],
    );
  }
}
