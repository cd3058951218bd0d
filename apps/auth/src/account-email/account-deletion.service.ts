import { Injectable } from '@nestjs/common';
import { AppError } from '@clipyard/contracts';
import { Database, type UserEntity } from '@clipyard/database';
import { ApiKeyCache } from '../api-keys/api-key.cache';
import { ApiKeysRepository } from '../api-keys/api-keys.repository';
import { AuditService } from '../audit/audit.service';
import type { RequestCtx } from '../common/context';
import { Outbox } from '../outbox/outbox.service';
import { SessionsRepository } from '../sessions/sessions.repository';
import { SessionsService } from '../sessions/sessions.service';
import { PasswordHasher } from '../users/password.hasher';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';

/** How recent a magic-link sign-in must be to delete an account without a password. */
const FRESH_SIGN_IN_MS = 10 * 60_000;

/**
 * Deletes an account. Sessions and API keys stop working at once (revocations published, key
 * cache entries replaced by tombstones); then one transaction deletes the user (sessions, keys,
 * provider keys and tokens go with it by foreign key; audit rows keep the event without the
 * user) and writes to the outbox the confirmation email and an `account.deleted` event for each
 * app that owns user data (gateway: jobs, uploads, outputs, webhooks; billing: subscription and
 * reservations, keeping the usage ledger under the bare user id).
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly db: Database,
    private readonly users: UsersService,
    private readonly userRows: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly sessionRows: SessionsRepository,
    private readonly keys: ApiKeysRepository,
    private readonly keyCache: ApiKeyCache,
    private readonly outbox: Outbox,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async delete(p: { userId: string; sessionId?: string; password?: string; ctx: RequestCtx }): Promise<{ deleted: true }> {
    const user = await this.users.require(p.userId);
    // An anonymous (trial) user has no password or email to prove again: its session is all there is.
    if (!user.isAnonymous) await this.assertReauthenticated(user, p);
    await this.erase(user, p.ctx, { method: user.isAnonymous ? 'anonymous' : p.password !== undefined ? 'password' : 'magic_link' });
    return { deleted: true };
  }

  private async assertReauthenticated(user: UserEntity, p: { sessionId?: string; password?: string }): Promise<void> {
    if (p.password !== undefined) {
      if (!(await this.hasher.verify(user.passwordHash, p.password))) throw new AppError('WRONG_PASSWORD', 'The password is wrong', { field: 'password' });
      return;
    }
    const session = p.sessionId ? await this.sessionRows.findOwn(user.id, p.sessionId) : null;
    const fresh = session && !session.revokedAt && session.method === 'magic_link' && Date.now() - session.createdAt.getTime() < FRESH_SIGN_IN_MS;
    if (!fresh) {
      throw new AppError('REAUTH_REQUIRED', 'Send your password, or sign in with a magic link and delete within 10 minutes', { field: 'password' });
    }
  }

  /**
   * Deletes the account without any check (after delete()'s, or the anonymous TTL sweep's).
   * `onlyAnonymous`: the row goes only if it is still anonymous (an upgrade racing the sweep wins).
   * Returns false when there was nothing to delete.
   */
  async erase(user: UserEntity, ctx: RequestCtx, metadata: Record<string, unknown>, opts: { onlyAnonymous?: boolean } = {}): Promise<boolean> {
    const revoked = await this.sessions.revokeAll(user.id, ctx, undefined, 'account_deleted');
    const hashes = await this.keys.revokeAll(user.id);
    for (const hash of hashes) await this.keyCache.tombstone(hash, 'API_KEY_REVOKED');

    const ids = await this.db.transaction(async (tx) => {
      if (!(await this.userRows.delete(user.id, opts, tx))) return null;
      // An anonymous user has no address to confirm the deletion to.
      const ids = user.email ? [await this.outbox.email(tx, { kind: 'account_deleted', to: user.email, userId: user.id })] : [];
      ids.push(...(await this.outbox.accountDeleted(tx, user.id)));
      return ids;
    });
    if (!ids) return false;
    await this.outbox.dispatch(ids);
    await this.audit.record('account.deleted', {
      userId: null,
      actorId: null,
      ctx,
      metadata: { deleted_user_id: user.id, revoked_sessions: revoked, revoked_api_keys: hashes.length, ...metadata },
    });
    return true;
  }
}
