import { Inject, Injectable } from '@nestjs/common';
import { AppError, isMfaRequired, type AcceptedReply, type MfaRequired, type TokenPair } from '@clipyard/contracts';
import { Database, type UserEntity } from '@clipyard/database';
import { AnonymousService } from '../anonymous/anonymous.service';
import { AuditService } from '../audit/audit.service';
import { uniqueViolation, type RequestCtx } from '../common/context';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { OneTimeTokens } from '../one-time-tokens/one-time-tokens.service';
import { Outbox } from '../outbox/outbox.service';
import { SessionsService } from '../sessions/sessions.service';
import { UsersRepository } from '../users/users.repository';
import { UsersService, normaliseEmail } from '../users/users.service';
import { AccountLinks } from './account-links';
import { EmailFlowLimits } from './email-flow-limits';
import { linkInvalid } from './verification.service';

const TTL_MINUTES = 15;

/**
 * Passwordless sign-in: a link and a 6-digit code (15 min, single use, five wrong codes kill it).
 * Finishing needs a POST, so a mail scanner that opens the link spends nothing. With
 * PASSWORDLESS_SIGNUP an unknown address gets a link too, and its first use makes a verified account.
 */
@Injectable()
export class MagicLinkService {
  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly db: Database,
    private readonly users: UsersService,
    private readonly userRows: UsersRepository,
    private readonly tokens: OneTimeTokens,
    private readonly outbox: Outbox,
    private readonly links: AccountLinks,
    private readonly limits: EmailFlowLimits,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly anonymous: AnonymousService,
  ) {}

  /**
   * `callerUserId`: who is signed in while asking (the gateway passes it when credentials came
   * along). An anonymous caller asking for an address without an account gets a link that upgrades
   * it in place; for an address that has an account, the link signs in to that account as usual.
   */
  async request(p: { email: string; callerUserId?: string; ctx: RequestCtx }): Promise<AcceptedReply> {
    await this.limits.takeIp(p.ctx.ip);
    const email = normaliseEmail(p.email);
    this.links.later('magic link', async () => {
      if (!(await this.limits.mayMail(email))) return;
      const user = await this.userRows.findByEmail(email);
      const caller = !user && p.callerUserId ? await this.userRows.find(p.callerUserId) : null;
      const upgrading = caller?.isAnonymous && caller.isActive ? caller : null;
      if (user ? !user.isActive : !upgrading && !this.config.PASSWORDLESS_SIGNUP) return;
      const owner = user ?? upgrading;
      const ids = await this.db.transaction(async (tx) => {
        const { token, code } = await this.tokens.issue(tx, { purpose: 'magic_link', userId: owner?.id ?? null, email, ttlMinutes: TTL_MINUTES, withCode: true });
        const vars = { link: this.links.link('magic_link', token), code, expiresMinutes: TTL_MINUTES };
        return [await this.outbox.email(tx, { kind: 'magic_link', to: email, userId: owner?.id ?? null, vars })];
      });
      await this.outbox.dispatch(ids);
      const metadata = user ? {} : upgrading ? { upgrade: true } : { signup: true };
      await this.audit.record('login.magic_link_requested', { userId: owner?.id ?? null, ctx: p.ctx, metadata });
    });
    return { accepted: true };
  }

  async verify(p: { token?: string; email?: string; code?: string; ctx: RequestCtx }): Promise<(TokenPair & { created: boolean }) | MfaRequired> {
    await this.limits.takeIp(p.ctx.ip);
    let row;
    if (p.token !== undefined) row = await this.tokens.consumeToken('magic_link', p.token);
    else if (p.email !== undefined && p.code !== undefined) row = await this.tokens.consumeCode('magic_link', normaliseEmail(p.email), p.code);
    else {
      throw new AppError('VALIDATION_FAILED', 'Send token, or email and code', { issues: [{ path: 'token', message: 'token, or email and code, is required' }] });
    }
    if (!row) {
      await this.audit.record('login.failed', { userId: null, ctx: p.ctx, metadata: { method: 'magic_link' } });
      throw linkInvalid();
    }
    let user = row.userId ? await this.userRows.find(row.userId) : await this.userRows.findByEmail(row.email);
    let created = false;
    if (!user) {
      if (row.userId || !this.config.PASSWORDLESS_SIGNUP) throw linkInvalid();
      ({ user, created } = await this.createPasswordless(row.email, p.ctx));
    }
    if (user.isAnonymous && user.isActive) {
      // A link asked for while signed in anonymously: the trial account becomes this address's account.
      await this.anonymous.upgradeInPlace(user.id, { email: row.email, emailVerified: true, method: 'magic_link' }, p.ctx);
      user = await this.users.require(user.id);
    }
    if (user.email?.toLowerCase() !== row.email.toLowerCase()) throw linkInvalid(); // the address changed since
    if (!user.isActive) throw new AppError('ACCOUNT_DISABLED', 'This account is disabled');
    if (!user.emailVerifiedAt) {
      await this.userRows.markVerified(user.id);
      await this.audit.record('email.verified', { userId: user.id, ctx: p.ctx, metadata: { method: 'magic_link' } });
    }
    const pair = await this.sessions.completeSignIn(user, p.ctx, 'magic_link');
    if (isMfaRequired(pair)) return pair; // two-factor on: the link was the first factor
    await this.audit.record('login.magic_link', { userId: user.id, ctx: p.ctx, metadata: { session_id: pair.session_id, created } });
    return { ...pair, created };
  }

  private async createPasswordless(email: string, ctx: RequestCtx): Promise<{ user: UserEntity; created: boolean }> {
    try {
      const user = await this.userRows.insert({ email, passwordHash: null, role: 'user', emailVerifiedAt: new Date() });
      await this.audit.record('user.registered', { userId: user.id, ctx, metadata: { role: 'user', method: 'magic_link' } });
      return { user, created: true };
    } catch (err) {
      if (uniqueViolation(err) !== 'users_email_uq') throw err;
      const user = await this.userRows.findByEmail(email); // registered meanwhile
      if (!user) throw err;
      return { user, created: false };
    }
  }
}
