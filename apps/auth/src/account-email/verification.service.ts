import { Injectable } from '@nestjs/common';
import { AppError, type AcceptedReply } from '@clipyard/contracts';
import { Database } from '@clipyard/database';
import { AuditService } from '../audit/audit.service';
import type { RequestCtx } from '../common/context';
import { OneTimeTokens } from '../one-time-tokens/one-time-tokens.service';
import { Outbox } from '../outbox/outbox.service';
import { UsersRepository } from '../users/users.repository';
import { UsersService, normaliseEmail } from '../users/users.service';
import { AccountLinks } from './account-links';
import { EmailFlowLimits } from './email-flow-limits';

const TTL_MINUTES = 24 * 60;
export const linkInvalid = () => new AppError('LINK_INVALID', 'This link or code is invalid, expired or already used; ask for a new one');
const accepted: AcceptedReply = { accepted: true };

/** Email verification: a link and a code (24 h) at registration, resend, and verify by either. */
@Injectable()
export class VerificationService {
  constructor(
    private readonly db: Database,
    private readonly users: UsersService,
    private readonly userRows: UsersRepository,
    private readonly tokens: OneTimeTokens,
    private readonly outbox: Outbox,
    private readonly links: AccountLinks,
    private readonly limits: EmailFlowLimits,
    private readonly audit: AuditService,
  ) {}

  /** Mails a fresh link and code (the previous ones stop working). */
  async send(userId: string, ctx?: RequestCtx): Promise<void> {
    const user = await this.users.require(userId);
    if (user.emailVerifiedAt || user.email === null) return;
    const email = user.email;
    const ids = await this.db.transaction(async (tx) => {
      const { token, code } = await this.tokens.issue(tx, { purpose: 'verify_email', userId, email, ttlMinutes: TTL_MINUTES, withCode: true });
      const vars = { link: this.links.link('verify', token), code, expiresMinutes: TTL_MINUTES };
      return [await this.outbox.email(tx, { kind: 'verify_email', to: email, userId, vars })];
    });
    await this.outbox.dispatch(ids);
    await this.audit.record('email.verification_sent', { userId, ctx });
  }

  /** Same answer for any address; at most one email a minute per address. */
  async resend(p: { email: string; ctx: RequestCtx }): Promise<AcceptedReply> {
    await this.limits.takeIp(p.ctx.ip);
    const email = normaliseEmail(p.email);
    this.links.later('verification resend', async () => {
      if (!(await this.limits.mayResend(email))) return;
      const user = await this.userRows.findByEmail(email);
      if (!user || user.emailVerifiedAt || !user.isActive) return;
      if (!(await this.limits.mayMail(email))) return;
      await this.send(user.id, p.ctx);
    });
    return accepted;
  }

  /** `{token}` from the link, or `{code}` for the signed-in caller's own address. */
  async verify(p: { token?: string; code?: string; userId?: string; ctx: RequestCtx }): Promise<{ email_verified: true }> {
    await this.limits.takeIp(p.ctx.ip);
    let userId: string;
    let method: 'link' | 'code';
    if (p.token !== undefined) {
      const row = await this.tokens.consumeToken('verify_email', p.token);
      const user = row?.userId ? await this.userRows.find(row.userId) : null;
      if (!row || !user || user.email?.toLowerCase() !== row.email.toLowerCase()) throw linkInvalid();
      userId = user.id;
      method = 'link';
    } else if (p.code !== undefined && p.userId) {
      const user = await this.users.require(p.userId);
      if (user.emailVerifiedAt) return { email_verified: true };
      const row = user.email === null ? null : await this.tokens.consumeCode('verify_email', user.email, p.code);
      if (!row) {
        await this.audit.record('email.verification_failed', { userId: user.id, ctx: p.ctx });
        throw linkInvalid();
      }
      userId = user.id;
      method = 'code';
    } else {
      throw new AppError('VALIDATION_FAILED', 'Send token, or code with your credentials', {
        issues: [{ path: 'token', message: 'token, or code (signed in), is required' }],
      });
    }
    await this.markVerified(userId);
    await this.audit.record('email.verified', { userId, ctx: p.ctx, metadata: { method } });
    return { email_verified: true };
  }

  /** Sets email_verified_at once. */
  async markVerified(userId: string): Promise<void> {
    await this.userRows.markVerified(userId);
  }
}
