import { Injectable } from '@nestjs/common';
import { decodeCursor, pageOf } from '@clipyard/contracts';
import { iso, type RequestCtx } from '../common/context';
import { AuditEventsRepository, type NewAuditEvent } from './audit-events.repository';

export type AuditAction =
  | 'user.registered'
  | 'login.succeeded'
  | 'login.failed'
  | 'login.locked'
  | 'session.revoked'
  | 'session.all_revoked'
  | 'session.reuse_detected'
  | 'password.changed'
  | 'profile.updated'
  | 'role.changed'
  | 'user.deactivated'
  | 'user.reactivated'
  | 'api_key.created'
  | 'api_key.rolled'
  | 'api_key.revoked'
  | 'provider_key.set'
  | 'provider_key.deleted'
  | 'admin.read'
  | 'admin.write'
  | 'email.verification_sent'
  | 'email.verification_failed'
  | 'email.verified'
  | 'email.change_requested'
  | 'email.changed'
  | 'password.reset_requested'
  | 'password.reset'
  | 'login.magic_link_requested'
  | 'login.magic_link'
  | 'account.deleted'
  | 'user.upgraded'
  | 'login.mfa_required'
  | 'mfa.totp_started'
  | 'mfa.totp_enabled'
  | 'mfa.totp_disabled'
  | 'mfa.challenge_failed'
  | 'mfa.recovery_code_used'
  | 'login.oauth'
  | 'identity.linked'
  | 'identity.unlinked';

export interface AuditInput {
  userId: string | null;
  actorId?: string | null;
  ctx?: RequestCtx;
  metadata?: Record<string, unknown>;
}

/** Append-only trail of security-relevant events. */
@Injectable()
export class AuditService {
  constructor(private readonly events: AuditEventsRepository) {}

  async record(action: AuditAction, input: AuditInput): Promise<void> {
    await this.events.insert(this.row(action, input));
  }

  /** The row `record` writes, for a caller that writes it in its own statement (a sign-in's session). */
  row(action: AuditAction, input: AuditInput): NewAuditEvent {
    return {
      action,
      userId: input.userId,
      actorId: input.actorId === undefined ? input.userId : input.actorId,
      ip: input.ctx?.ip ?? null,
      userAgent: input.ctx?.userAgent?.slice(0, 512) ?? null,
      metadata: input.metadata ?? {},
    };
  }

  /** A user's own events; an admin may read everyone's, or filter by user (that read is audited). */
  async list(p: { userId: string; role: 'user' | 'admin'; filterUserId?: string; action?: string; before?: string; limit: number }) {
    const rows = await this.events.page({
      userId: p.role !== 'admin' ? p.userId : p.filterUserId || null,
      action: p.action,
      before: p.before ? decodeCursor(p.before, 'before') : undefined,
      limit: p.limit + 1,
    });
    const { page, next_cursor } = pageOf(rows, p.limit);
    if (p.role === 'admin' && p.filterUserId !== p.userId) {
      await this.record('admin.read', { userId: p.filterUserId ?? null, actorId: p.userId, metadata: { resource: 'audit_events' } });
    }
    return {
      data: page.map((e) => ({
        id: e.id,
        user_id: e.userId,
        actor_id: e.actorId,
        action: e.action,
        ip: e.ip,
        user_agent: e.userAgent,
        metadata: e.metadata,
        created_at: iso(e.createdAt)!,
      })),
      next_cursor,
    };
  }
}
