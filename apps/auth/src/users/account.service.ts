import { Injectable } from '@nestjs/common';
import { AppError } from '@clipyard/contracts';
import { Database, type UserRole } from '@clipyard/database';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { AuditService } from '../audit/audit.service';
import type { RequestCtx } from '../common/context';
import { Outbox } from '../outbox/outbox.service';
import { SessionsService } from '../sessions/sessions.service';
import { PasswordHasher } from './password.hasher';
import { UsersRepository } from './users.repository';
import { addressOf, assertPasswordPolicy, UsersService } from './users.service';

/** Account changes with side effects on sessions and the API key cache. */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeysService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly userRows: UsersRepository,
    private readonly db: Database,
  ) {}

  /** Changes the password and revokes every other session. */
  async changePassword(p: { userId: string; sessionId?: string; current_password: string; new_password: string; ctx: RequestCtx }) {
    const user = await this.users.require(p.userId);
    if (!(await this.hasher.verify(user.passwordHash, p.current_password))) {
      throw new AppError('WRONG_PASSWORD', 'The current password is wrong', { field: 'current_password' });
    }
    assertPasswordPolicy(p.new_password, 'new_password', { email: user.email ?? undefined, username: user.username ?? undefined });
    if (p.new_password === p.current_password) {
      throw new AppError('WEAK_PASSWORD', 'The new password must differ from the current one', { field: 'new_password', reason: 'unchanged' });
    }
    const passwordHash = await this.hasher.hash(p.new_password);
    const ids = await this.db.transaction(async (tx) => {
      await this.userRows.setPassword(user.id, { passwordHash, at: new Date() }, tx);
      return [await this.outbox.email(tx, { kind: 'password_changed', to: addressOf(user), userId: user.id })];
    });
    await this.outbox.dispatch(ids);
    const revoked = await this.sessions.revokeAll(user.id, p.ctx, p.sessionId, 'password_changed');
    await this.audit.record('password.changed', { userId: user.id, ctx: p.ctx, metadata: { revoked_sessions: revoked } });
    return { ok: true as const, revoked_sessions: revoked };
  }

  /** Admin: sets a role; API keys carry the new role on the next request, tokens on the next refresh. */
  async setRole(userId: string, role: UserRole, actorId: string | null = null) {
    const user = await this.users.require(userId);
    const before = user.role;
    if (before !== role) {
      await this.userRows.setRole(userId, role);
      await this.apiKeys.refreshUserKeys(userId);
      await this.audit.record('role.changed', { userId, actorId, metadata: { from: before, to: role } });
    }
    return this.users.get(userId);
  }

  /** Admin: disables sign-in, revokes every session and refuses the user's API keys at once. */
  async setActive(userId: string, active: boolean, actorId: string | null = null) {
    await this.users.require(userId);
    await this.userRows.setActive(userId, active);
    if (!active) await this.sessions.revokeAll(userId, {}, undefined, 'deactivated');
    await this.apiKeys.refreshUserKeys(userId);
    await this.audit.record(active ? 'user.reactivated' : 'user.deactivated', { userId, actorId });
    return this.users.get(userId);
  }
}
