import { Injectable } from '@nestjs/common';
import { Database, one, query, type Tx } from '@clipyard/database';

export type OutboxKind = 'email' | 'event';
export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface OutboxRow {
  id: string;
  kind: OutboxKind;
  /** Email: the template kind. Event: the destination queue. */
  topic: string;
  userId: string | null;
  recipient: string | null;
  /** Email content (template variables, link and code included) sealed with the master key; cleared once sent. */
  sealed: string | null;
  payload: Record<string, unknown> | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export type NewOutboxRow = Pick<OutboxRow, 'id' | 'kind' | 'topic' | 'userId' | 'recipient' | 'sealed' | 'payload'>;

const COLUMNS = `id, kind, topic, user_id AS "userId", recipient, sealed, payload, status, attempts, last_error AS "lastError",
  created_at AS "createdAt", sent_at AS "sentAt"`;

/** The `outbox_messages` table: written in the caller's transaction, delivered by the OutboxConsumer. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  /** Written in the caller's transaction (the one that stores what the message is about), so `tx` is required. */
  async insert(row: NewOutboxRow, tx: Tx): Promise<void> {
    await query(
      tx,
      `INSERT INTO outbox_messages (id, kind, topic, user_id, recipient, sealed, payload) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.id, row.kind, row.topic, row.userId, row.recipient, row.sealed, row.payload === null ? null : JSON.stringify(row.payload)],
    );
  }

  async find(id: string): Promise<OutboxRow | null> {
    return (await one<OutboxRow>(this.db.tx, `SELECT ${COLUMNS} FROM outbox_messages WHERE id = $1`, [id])) ?? null;
  }

  /** Marks a pending row sent and drops its sealed content; false when it was not pending (already delivered). */
  async markSent(id: string): Promise<boolean> {
    const sent = await query(
      this.db.tx,
      `UPDATE outbox_messages SET status = 'sent', sent_at = now(), sealed = NULL, last_error = NULL, attempts = attempts + 1
       WHERE id = $1 AND status = 'pending' RETURNING id`,
      [id],
    );
    return sent.length > 0;
  }

  async recordAttemptFailure(id: string, error: string, final: boolean): Promise<void> {
    await query(
      this.db.tx,
      `UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END
       WHERE id = $1 AND status = 'pending'`,
      [id, error.slice(0, 500), final],
    );
  }

  /** Pending rows older than `olderThanMs` (their enqueue may have been lost to a crash). */
  async pendingIds(olderThanMs: number, limit: number): Promise<string[]> {
    const rows = await query<{ id: string }>(
      this.db.tx,
      `SELECT id FROM outbox_messages WHERE status = 'pending' AND created_at < now() - ($1 || ' milliseconds')::interval
       ORDER BY created_at LIMIT $2`,
      [String(olderThanMs), limit],
    );
    return rows.map((r) => r.id);
  }

  /** Failed rows go back to pending (REPL `outbox.retryFailed()` after fixing the mail server). */
  async resetFailed(ids?: string[]): Promise<string[]> {
    const rows = ids
      ? await query<{ id: string }>(this.db.tx, `UPDATE outbox_messages SET status = 'pending' WHERE status = 'failed' AND id = ANY($1) RETURNING id`, [ids])
      : await query<{ id: string }>(this.db.tx, `UPDATE outbox_messages SET status = 'pending' WHERE status = 'failed' RETURNING id`);
    return rows.map((r) => r.id);
  }

  async counts(): Promise<Record<OutboxStatus, number>> {
    const rows = await query<{ status: OutboxStatus; n: string }>(this.db.tx, `SELECT status, count(*) AS n FROM outbox_messages GROUP BY status`);
    const out: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }

  async failedRows(limit = 100): Promise<Pick<OutboxRow, 'id' | 'kind' | 'topic' | 'userId' | 'attempts' | 'lastError' | 'createdAt'>[]> {
    return query(
      this.db.tx,
      `SELECT id, kind, topic, user_id AS "userId", attempts, last_error AS "lastError", created_at AS "createdAt"
       FROM outbox_messages WHERE status = 'failed' ORDER BY created_at DESC LIMIT $1`,
      [limit],
    );
  }

  /** Rows of one user (REPL, tests): never the sealed content. */
  async listForUser(userId: string, limit = 50): Promise<Omit<OutboxRow, 'sealed'>[]> {
    return query(
      this.db.tx,
      `SELECT id, kind, topic, user_id AS "userId", recipient, payload, status, attempts, last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt"
       FROM outbox_messages WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2`,
      [userId, limit],
    );
  }
}
