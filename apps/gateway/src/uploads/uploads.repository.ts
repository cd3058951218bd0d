import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { KeysetPosition } from '@clipyard/contracts';

export interface UploadRecord {
  id: string;
  userId: string;
  storageKey: string;
  filename: string | null;
  contentType: string;
  size: number;
  durationS: number | null;
  width: number | null;
  height: number | null;
  createdAt: Date;
}

type Row = Record<string, any>;
const toRecord = (r: Row): UploadRecord => ({
  id: r.id,
  userId: r.user_id,
  storageKey: r.storage_key,
  filename: r.filename,
  contentType: r.content_type,
  size: Number(r.size),
  durationS: r.duration_s,
  width: r.width,
  height: r.height,
  createdAt: r.created_at,
});

/** The uploads table; every read is by id AND owner. */
@Injectable()
export class UploadsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(u: Omit<UploadRecord, 'createdAt'>): Promise<UploadRecord> {
    const rows: Row[] = await this.ds.query(
      `INSERT INTO uploads (id, user_id, storage_key, filename, content_type, size, duration_s, width, height)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [u.id, u.userId, u.storageKey, u.filename, u.contentType, u.size, u.durationS, u.width, u.height],
    );
    return toRecord(rows[0]);
  }

  /** An upload the caller owns whose bytes still exist. */
  async findOwned(userId: string, id: string): Promise<UploadRecord | null> {
    const rows: Row[] = await this.ds.query(
      `SELECT * FROM uploads WHERE id = $1 AND user_id = $2 AND expired_at IS NULL`,
      [id, userId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The caller's uploads whose bytes still exist, newest first, strictly older than `before`. */
  async list(userId: string, limit: number, before?: KeysetPosition): Promise<UploadRecord[]> {
    const args: unknown[] = [userId, limit];
    const after = before ? `AND (created_at, id) < ($${args.push(before.createdAt)}, $${args.push(before.id)})` : '';
    const rows: Row[] = await this.ds.query(
      `SELECT * FROM uploads WHERE user_id = $1 AND expired_at IS NULL ${after} ORDER BY created_at DESC, id DESC LIMIT $2`,
      args,
    );
    return rows.map(toRecord);
  }

  /** Ids of the caller's queued or running jobs that read this upload. */
  async openJobsReading(userId: string, uploadId: string): Promise<string[]> {
    const rows: Row[] = await this.ds.query(
      `SELECT id FROM jobs WHERE user_id = $1 AND upload_id = $2 AND status IN ('queued', 'active') ORDER BY created_at LIMIT 10`,
      [userId, uploadId],
    );
    return rows.map((r) => r.id);
  }

  /** Uploads created before `olderThan` whose bytes still exist, oldest first (retention sweep). */
  async dueForUser(userId: string, olderThan: Date, limit: number): Promise<UploadRecord[]> {
    const rows: Row[] = await this.ds.query(
      `SELECT * FROM uploads WHERE user_id = $1 AND expired_at IS NULL AND created_at < $2 ORDER BY created_at LIMIT $3`,
      [userId, olderThan, limit],
    );
    return rows.map(toRecord);
  }

  async usersWithUploadsBefore(olderThan: Date, limit: number, afterUserId = '00000000-0000-0000-0000-000000000000'): Promise<string[]> {
    const rows: Row[] = await this.ds.query(
      `SELECT DISTINCT user_id FROM uploads WHERE expired_at IS NULL AND created_at < $1 AND user_id > $3
       ORDER BY user_id LIMIT $2`,
      [olderThan, limit, afterUserId],
    );
    return rows.map((r) => r.user_id);
  }

  async markExpired(userId: string, ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    const res = await this.ds.query(
      `UPDATE uploads SET expired_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND expired_at IS NULL`,
      [userId, ids],
    );
    return Array.isArray(res) && typeof res[1] === 'number' ? res[1] : 0;
  }
}
