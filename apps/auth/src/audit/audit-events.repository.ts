import { Injectable } from '@nestjs/common';
import { AuditEventEntity, Database, query, type Row, type Tx } from '@clipyard/database';

export type NewAuditEvent = Pick<AuditEventEntity, 'action' | 'userId' | 'actorId' | 'ip' | 'userAgent' | 'metadata'>;

/** The `audit_events` table, append-only. */
@Injectable()
export class AuditEventsRepository {
  private readonly toEvent: (row: Row) => AuditEventEntity;

  constructor(private readonly db: Database) {
    this.toEvent = db.records(AuditEventEntity);
  }

  async insert(e: NewAuditEvent, tx: Tx = this.db.tx): Promise<void> {
    await query(tx, 'INSERT INTO audit_events (action, user_id, actor_id, ip, user_agent, metadata) VALUES ($1, $2, $3, $4, $5, $6)', [
      e.action,
      e.userId,
      e.actorId,
      e.ip,
      e.userAgent,
      JSON.stringify(e.metadata),
    ]);
  }

  /**
   * One page (newest first, keyset `before`) of the events of `userId`, or of every user when it is
   * null: only an admin's read passes null, and the service audits that read.
   */
  async page(
    p: { userId: string | null; action?: string; before?: { createdAt: Date; id: string }; limit: number },
    tx: Tx = this.db.tx,
  ): Promise<AuditEventEntity[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => `$${params.push(v)}`;
    if (p.userId !== null) where.push(`user_id = ${param(p.userId)}`);
    if (p.action) where.push(`action = ${param(p.action)}`);
    if (p.before) where.push(`(created_at, id) < (${param(p.before.createdAt)}, ${param(p.before.id)})`);
    const rows = await query(
      tx,
      `SELECT * FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ${param(p.limit)}`,
      params,
    );
    return rows.map(this.toEvent);
  }
}
