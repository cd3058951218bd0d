import { Injectable } from '@nestjs/common';
import { Database, SessionEntity, one, query, type AuditEventEntity, type Row, type Tx } from '@clipyard/database';

export type NewSession = Pick<SessionEntity, 'userId' | 'method' | 'ip' | 'userAgent' | 'expiresAt' | 'lastUsedAt'>;

/** An `audit_events` row written with a session (its columns: AuditEventsRepository). */
export type SessionAuditRow = Pick<AuditEventEntity, 'action' | 'userId' | 'actorId' | 'ip' | 'userAgent' | 'metadata'>;

/** The `sessions` table: one row a sign-in. Every method names the owner, except the refresh-token lookup. */
@Injectable()
export class SessionsRepository {
  private readonly toSession: (row: Row) => SessionEntity;
  /** `open`'s RETURNING list: explicit, as it is a prepared statement (a cached `*` breaks when a migration adds a column). */
  private readonly sessionColumns: string;

  constructor(private readonly db: Database) {
    this.toSession = db.records(SessionEntity);
    this.sessionColumns = db.columns(SessionEntity, 'sessions', '');
  }

  /**
   * A sign-in's session, its first refresh token and (optionally) its audit row in ONE statement:
   * atomic like a transaction, without BEGIN/COMMIT and more round trips on the sign-in path.
   * `id` is chosen by the caller so the audit row can name the session. With `unlessMfaEnabled`
   * nothing is written, and null returned, when the user has an enabled second factor (an
   * `mfa_factors` row with `enabled_at` set, read by the statement that would open the session).
   */
  async open(
    s: NewSession & { id: string },
    token: { tokenHash: string; expiresAt: Date },
    opts: { audit?: SessionAuditRow; unlessMfaEnabled?: boolean } = {},
    tx: Tx = this.db.tx,
  ): Promise<SessionEntity | null> {
    const params: unknown[] = [s.id, s.userId, s.method, s.ip, s.userAgent, s.expiresAt, s.lastUsedAt, token.tokenHash, token.expiresAt];
    const unlessMfa = opts.unlessMfaEnabled ? 'WHERE NOT EXISTS (SELECT 1 FROM mfa_factors WHERE user_id = $2::uuid AND enabled_at IS NOT NULL)' : '';
    const a = opts.audit;
    if (a) params.push(a.action, a.userId, a.actorId, a.ip, a.userAgent, JSON.stringify(a.metadata));
    const auditCte = a
      ? `, a AS (
         INSERT INTO audit_events (action, user_id, actor_id, ip, user_agent, metadata)
         SELECT $10::text, $11::uuid, $12::uuid, $13::text, $14::text, $15::jsonb FROM s
       )`
      : '';
    const row = await one(
      tx,
      `WITH s AS (
         INSERT INTO sessions (id, user_id, method, ip, user_agent, expires_at, last_used_at)
         SELECT $1::uuid, $2::uuid, $3::text, $4::text, $5::text, $6::timestamptz, $7::timestamptz ${unlessMfa}
         RETURNING ${this.sessionColumns}
       ), t AS (
         INSERT INTO refresh_tokens (session_id, token_hash, expires_at) SELECT s.id, $8::text, $9::timestamptz FROM s
       )${auditCte}
       SELECT * FROM s`,
      params,
      { prepare: true },
    );
    return row ? this.toSession(row) : null;
  }

  async findOwn(userId: string, sessionId: string, tx: Tx = this.db.tx): Promise<SessionEntity | null> {
    const row = await one(tx, 'SELECT * FROM sessions WHERE id = $1 AND user_id = $2 LIMIT 1', [sessionId, userId]);
    return row ? this.toSession(row) : null;
  }

  /** The session a presented refresh token belongs to: the token is the credential, so no owner is known yet. */
  async ofRefreshToken(sessionId: string, tx: Tx = this.db.tx): Promise<SessionEntity | null> {
    const row = await one(tx, 'SELECT * FROM sessions WHERE id = $1 LIMIT 1', [sessionId]);
    return row ? this.toSession(row) : null;
  }

  /** A refresh: the session lives on until `expiresAt`, last seen now from `ip`. */
  async extend(userId: string, sessionId: string, p: { expiresAt: Date; ip: string | null }, tx: Tx = this.db.tx): Promise<void> {
    await query(tx, 'UPDATE sessions SET last_used_at = $3, expires_at = $4, ip = $5 WHERE id = $1 AND user_id = $2', [
      sessionId,
      userId,
      new Date(),
      p.expiresAt,
      p.ip,
    ]);
  }

  /** The user's sessions not revoked (the caller drops the expired ones), newest first. */
  async listUnrevoked(userId: string, limit: number, tx: Tx = this.db.tx): Promise<SessionEntity[]> {
    const rows = await query(tx, 'SELECT * FROM sessions WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC LIMIT $2', [userId, limit]);
    return rows.map(this.toSession);
  }

  /** Revokes every live session of the user except `keep`; the ids revoked. */
  async revokeAll(userId: string, reason: string, keep?: string, tx: Tx = this.db.tx): Promise<string[]> {
    const rows = await query<{ id: string }>(
      tx,
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL ${keep ? 'AND id <> $3' : ''} RETURNING id`,
      keep ? [userId, reason, keep] : [userId, reason],
    );
    return rows.map((r) => r.id);
  }

  /** Revokes one of the user's sessions; false when it is not theirs or already revoked. */
  async revoke(userId: string, sessionId: string, reason: string, tx: Tx = this.db.tx): Promise<boolean> {
    const rows = await query(tx, 'UPDATE sessions SET revoked_at = now(), revoked_reason = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id', [
      sessionId,
      userId,
      reason,
    ]);
    return rows.length > 0;
  }
}
