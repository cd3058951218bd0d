import { Injectable } from '@nestjs/common';
import { AppError, type AcceptedReply } from '@clipyard/contracts';
import { Database } from '@clipyard/database';
import { AuditService } from '../audit/audit.service';
import { uniqueViolation, type RequestCtx } from '../common/context';
import { OneTimeTokens } from '../one-time-tokens/one-time-tokens.service';
import { OneTimeTokensRepository } from '../one-time-tokens/one-time-tokens.repository';
import { Outbox } from '../outbox/outbox.service';
import { PasswordHasher } from '../users/password.hasher';
import { UsersRepository } from '../users/users.repository';
import { UsersService, addressOf, normaliseEmail } from '../users/users.service';
import { AccountLinks } from './account-links';
import { EmailFlowLimits } from './email-flow-limits';
import { linkInvalid } from './verification.service';

const TTL_MINUTES = 60;
const emailTaken = () => new AppError('EMAIL_TAKEN', 'An account with this email already exists');

/**
 * Email change: the password confirms the request; the new address gets a link (60 min) and the
 * old one a notice. Nothing changes until the new address confirms. A new address that belongs
 * to another account gets the same 202 and no email (no way to probe for accounts).
 */
@Injectable()
export class EmailChangeService {
  constructor(
    private readonly db: Database,
    private readonly users: UsersService,
    private readonly userRows: UsersRepository,
    private readonly tokens: OneTimeTokens,
    private readonly tokenRows: OneTimeTokensRepository,
    private readonly outbox: Outbox,
    private readonly links: AccountLinks,
    private readonly limits: EmailFlowLimits,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async request(p: { userId: string; new_email: string; password: string; ctx: RequestCtx }): Promise<AcceptedReply> {
    await this.limits.takeIp(p.ctx.ip);
    const user = await this.users.require(p.userId);
    if (!(await this.hasher.verify(user.passwordHash, p.password))) {
      throw new AppError('WRONG_PASSWORD', 'The password is wrong', { field: 'password' });
    }
    const next = normaliseEmail(p.new_email);
    const current = addressOf(user);
    if (next === current.toLowerCase()) {
      throw new AppError('VALIDATION_FAILED', 'That is already your email', { issues: [{ path: 'new_email', message: 'must differ from the current email' }] });
    }
    const taken = await this.userRows.emailTaken(next);
    if (!taken && (await this.limits.mayMail(next))) {
      const ids = await this.db.transaction(async (tx) => {
        const { token } = await this.tokens.issue(tx, { purpose: 'change_email', userId: user.id, email: next, ttlMinutes: TTL_MINUTES, withCode: false });
        const vars = { link: this.links.link('email_change', token), newEmail: next, expiresMinutes: TTL_MINUTES };
        return [
          await this.outbox.email(tx, { kind: 'confirm_email_change', to: next, userId: user.id, vars }),
          await this.outbox.email(tx, { kind: 'email_change_requested', to: current, userId: user.id, vars: { newEmail: next } }),
        ];
      });
      await this.outbox.dispatch(ids);
    }
    await this.audit.record('email.change_requested', { userId: user.id, ctx: p.ctx });
    return { accepted: true };
  }

  async confirm(p: { token: string; ctx: RequestCtx }): Promise<{ email: string; email_verified: true }> {
    await this.limits.takeIp(p.ctx.ip);
    const { user, previous, ids } = await this.db.transaction(async (tx) => {
      const row = await this.tokens.consumeToken('change_email', p.token, tx);
      const user = row?.userId ? await this.userRows.find(row.userId, tx) : null;
      if (!row || !user) throw linkInvalid();
      const previous = addressOf(user);
      // Taken by another account since the request: refused, and the rollback leaves the token unspent.
      if (await this.userRows.emailTaken(row.email, tx)) throw emailTaken();
      try {
        await this.userRows.setEmail(user.id, row.email, tx);
      } catch (err) {
        if (uniqueViolation(err) === 'users_email_uq') throw emailTaken();
        throw err;
      }
      // Links mailed to the old address stop working.
      await this.tokenRows.retireForUser(user.id, ['verify_email', 'reset_password', 'magic_link'], tx);
      const ids = [await this.outbox.email(tx, { kind: 'email_changed', to: previous, userId: user.id, vars: { newEmail: row.email } })];
      return { user: { ...user, email: row.email }, previous, ids };
    });
    await this.outbox.dispatch(ids);
    await this.audit.record('email.changed', { userId: user.id, ctx: p.ctx, metadata: { previous_domain: previous.split('@')[1] } });
    return { email: user.email, email_verified: true };
  }
}
