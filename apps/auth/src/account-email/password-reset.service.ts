import { Injectable } from '@nestjs/common';
import { type AcceptedReply } from '@clipyard/contracts';
import { Database } from '@clipyard/database';
import { AuditService } from '../audit/audit.service';
import type { RequestCtx } from '../common/context';
import { RateLimits } from '../common/rate-limits.service';
import { OneTimeTokens } from '../one-time-tokens/one-time-tokens.service';
import { OneTimeTokensRepository } from '../one-time-tokens/one-time-tokens.repository';
import { Outbox } from '../outbox/outbox.service';
import { SessionsService } from '../sessions/sessions.service';
import { PasswordHasher } from '../users/password.hasher';
import { UsersRepository } from '../users/users.repository';
import { assertPasswordPolicy, normaliseEmail, addressOf } from '../users/users.service';
import { AccountLinks } from './account-links';
import { EmailFlowLimits } from './email-flow-limits';
import { linkInvalid } from './verification.service';

const TTL_MINUTES = 30;

/** Forgot / reset password: a 30-minute single-use link; the reset signs out every session and mails a notice. */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly tokens: OneTimeTokens,
    private readonly tokenRows: OneTimeTokensRepository,
    private readonly outbox: Outbox,
    private readonly links: AccountLinks,
    private readonly limits: EmailFlowLimits,
    private readonly loginLimits: RateLimits,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  /** 202 with one body, sent before the address is looked up: known and unknown emails look alike. */
  async forgot(p: { email: string; ctx: RequestCtx }): Promise<AcceptedReply> {
    await this.limits.takeIp(p.ctx.ip);
    const email = normaliseEmail(p.email);
    this.links.later('password forgot', async () => {
      if (!(await this.limits.mayMail(email))) return;
      const user = await this.users.findByEmail(email);
      if (!user || !user.isActive) return;
      const ids = await this.db.transaction(async (tx) => {
        const { token } = await this.tokens.issue(tx, { purpose: 'reset_password', userId: user.id, email, ttlMinutes: TTL_MINUTES, withCode: false });
        const vars = { link: this.links.link('reset', token), expiresMinutes: TTL_MINUTES };
        return [await this.outbox.email(tx, { kind: 'reset_password', to: addressOf(user), userId: user.id, vars })];
      });
      await this.outbox.dispatch(ids);
      await this.audit.record('password.reset_requested', { userId: user.id, ctx: p.ctx });
    });
    return { accepted: true };
  }

  async reset(p: { token: string; new_password: string; ctx: RequestCtx }): Promise<{ ok: true; revoked_sessions: number }> {
    await this.limits.takeIp(p.ctx.ip);
    // The policy is checked before the token is spent, so a weak password does not burn the link.
    const live = await this.tokenRows.findLive('reset_password', this.tokens.tokenHash(p.token));
    const before = live?.userId ? await this.users.find(live.userId) : null;
    if (!live || !before) throw linkInvalid();
    assertPasswordPolicy(p.new_password, 'new_password', { email: before.email ?? undefined, username: before.username ?? undefined });
    const passwordHash = await this.hasher.hash(p.new_password);

    const { user, ids } = await this.db.transaction(async (tx) => {
      const row = await this.tokens.consumeToken('reset_password', p.token, tx);
      if (!row || row.userId !== before.id) throw linkInvalid();
      const user = await this.users.find(before.id, tx);
      if (!user || user.email?.toLowerCase() !== row.email.toLowerCase()) throw linkInvalid();
      const now = new Date();
      // The link proved the address, so it counts as verified too.
      await this.users.setPassword(user.id, { passwordHash, at: now, emailVerifiedAt: user.emailVerifiedAt ?? now }, tx);
      await this.tokenRows.retireForUser(user.id, ['reset_password', 'magic_link'], tx);
      return { user, ids: [await this.outbox.email(tx, { kind: 'password_changed', to: addressOf(user), userId: user.id })] };
    });
    await this.outbox.dispatch(ids);
    const revoked = await this.sessions.revokeAll(user.id, p.ctx, undefined, 'password_reset');
    await this.loginLimits.clearFailures(user.id);
    await this.audit.record('password.reset', { userId: user.id, ctx: p.ctx, metadata: { revoked_sessions: revoked } });
    return { ok: true, revoked_sessions: revoked };
  }
}
