import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppError, type TokenPair, type UserView } from '@clipyard/contracts';
import { Database, type Tx } from '@clipyard/database';
import { ROOT_LOGGER } from '@clipyard/observability';
import { VerificationService } from '../account-email/verification.service';
import { AuditService } from '../audit/audit.service';
import { uniqueViolation, type RequestCtx } from '../common/context';
import { RateLimits } from '../common/rate-limits.service';
import { Outbox } from '../outbox/outbox.service';
import { SessionsService } from '../sessions/sessions.service';
import { PasswordHasher } from '../users/password.hasher';
import { UsersRepository } from '../users/users.repository';
import { UsersService, assertPasswordPolicy, normaliseEmail } from '../users/users.service';
import { AnonymousLimits } from './anonymous-limits';
import { AnonymousUsersRepository } from './anonymous-users.repository';

export const accountExists = () =>
  new AppError('ACCOUNT_EXISTS', 'An account with this email already exists; sign in to it instead (nothing was merged)', { field: 'email' });
const notAnonymous = () => new AppError('NOT_ANONYMOUS', 'Only an anonymous (trial) account can be upgraded');

/** How an anonymous user became a real one (recorded on the audit event). */
export type UpgradeMethod = 'password' | 'magic_link' | 'oauth';

/**
 * The anonymous trial: a user with no email or password, signed in at once, and its upgrade in
 * place (same user id, so jobs, uploads and usage stay) by password, magic link or social sign-in.
 */
@Injectable()
export class AnonymousService {
  constructor(
    private readonly db: Database,
    private readonly repo: AnonymousUsersRepository,
    private readonly users: UsersService,
    private readonly userRows: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly limits: AnonymousLimits,
    private readonly loginLimits: RateLimits,
    private readonly outbox: Outbox,
    private readonly verification: VerificationService,
    private readonly audit: AuditService,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async create(ctx: RequestCtx): Promise<TokenPair & { user_id: string; is_anonymous: true }> {
    await this.limits.take(ctx.ip);
    const user = await this.repo.insert();
    await this.audit.record('user.registered', { userId: user.id, ctx, metadata: { role: user.role, method: 'anonymous' } });
    const pair = await this.sessions.start(user, ctx, 'anonymous');
    return { ...pair, user_id: user.id, is_anonymous: true };
  }

  /** Email + password for the anonymous caller; the verification email goes out as at registration. */
  async upgrade(p: { userId: string; email: string; password: string; ctx: RequestCtx }): Promise<UserView> {
    await this.loginLimits.register(p.ctx.ip);
    const email = normaliseEmail(p.email);
    const user = await this.users.require(p.userId);
    if (!user.isAnonymous) throw notAnonymous();
    assertPasswordPolicy(p.password, 'password', { email });
    if (await this.userRows.emailTaken(email)) throw accountExists();
    const passwordHash = await this.hasher.hash(p.password);
    await this.upgradeInPlace(user.id, { email, passwordHash, emailVerified: false, method: 'password' }, p.ctx);
    // The upgrade stands either way; a failure here is logged and the user can ask for a resend.
    await this.verification.send(user.id, p.ctx).catch((err) => this.logger.error({ err, userId: user.id }, 'verification email not queued'));
    return this.users.get(user.id);
  }

  /**
   * The one way an anonymous user becomes a real account, for every sign-in method: sets the
   * email (verified when a link or provider proved it), ends the trial plan (an `account.upgraded`
   * event to billing through the outbox, so it survives a billing outage), and audits it.
   * 409 ACCOUNT_EXISTS when the email belongs to another account: nothing is merged.
   */
  async upgradeInPlace(
    userId: string,
    p: { email: string; passwordHash?: string | null; emailVerified: boolean; method: UpgradeMethod },
    ctx: RequestCtx,
  ): Promise<void> {
    const ids = await this.db.transaction((tx) => this.upgradeIn(tx, userId, p));
    await this.outbox.dispatch(ids);
    await this.audit.record('user.upgraded', { userId, ctx, metadata: { method: p.method, email_verified: p.emailVerified } });
  }

  private async upgradeIn(tx: Tx, userId: string, p: { email: string; passwordHash?: string | null; emailVerified: boolean }): Promise<string[]> {
    let upgraded: boolean;
    try {
      upgraded = await this.repo.upgrade(userId, { email: p.email, passwordHash: p.passwordHash ?? null, emailVerified: p.emailVerified }, tx);
    } catch (err) {
      if (uniqueViolation(err) === 'users_email_uq') throw accountExists();
      throw err;
    }
    if (!upgraded) throw notAnonymous();
    return [await this.outbox.accountUpgraded(tx, userId)];
  }
}
