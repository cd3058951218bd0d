import { Injectable } from '@nestjs/common';
import { AppError, type TokenPair } from '@clipyard/contracts';
import { AuditService } from '../audit/audit.service';
import type { RequestCtx } from '../common/context';
import { RateLimits } from '../common/rate-limits.service';
import { SessionsService } from '../sessions/sessions.service';
import { UsersRepository } from '../users/users.repository';
import { MfaCodes } from './mfa-codes';
import { MfaFactorsRepository } from './mfa-factors.repository';
import { mfaCodeInvalid } from './mfa-setup.service';
import { MfaTokens } from './mfa-tokens';
import { RecoveryCodesRepository } from './recovery-codes.repository';

const tokenInvalid = () => new AppError('MFA_TOKEN_INVALID', 'This sign-in has expired or was already finished; sign in again');

/**
 * The second step of a sign-in: the mfa_token and a TOTP code or a recovery code → the token pair.
 * Wrong codes count on the same per-account counter as wrong passwords (LOGIN_MAX_FAILURES, then
 * ACCOUNT_LOCKED for LOGIN_LOCKOUT_S); the counter is cleared only once the second factor passes.
 */
@Injectable()
export class MfaChallengeService {
  constructor(
    private readonly tokens: MfaTokens,
    private readonly factors: MfaFactorsRepository,
    private readonly recovery: RecoveryCodesRepository,
    private readonly codes: MfaCodes,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly limits: RateLimits,
    private readonly audit: AuditService,
  ) {}

  async challenge(p: { mfa_token: string; code?: string; recovery_code?: string; ctx: RequestCtx }): Promise<TokenPair> {
    if ((p.code === undefined) === (p.recovery_code === undefined)) {
      throw new AppError('VALIDATION_FAILED', 'Send code or recovery_code', { issues: [{ path: 'code', message: 'exactly one of code, recovery_code' }] });
    }
    await this.limits.login(p.ctx.ip);
    const pending = await this.tokens.peek(p.mfa_token);
    if (!pending) throw tokenInvalid();
    await this.limits.assertNotLocked(pending.userId);
    const user = await this.users.find(pending.userId);
    const factor = user ? await this.factors.find(user.id) : null;
    if (!user || !factor?.enabledAt) throw tokenInvalid();

    const via = p.code !== undefined ? 'totp' : 'recovery_code';
    const ok = p.code !== undefined ? await this.codes.acceptTotp(factor, p.code) : await this.codes.acceptRecoveryCode(user.id, p.recovery_code!);
    if (!ok) {
      const locked = await this.limits.recordFailure(user.id);
      await this.audit.record(locked ? 'login.locked' : 'mfa.challenge_failed', { userId: user.id, ctx: p.ctx, metadata: { via } });
      throw via === 'totp' ? mfaCodeInvalid() : new AppError('MFA_CODE_INVALID', 'The recovery code is wrong or already used', { field: 'recovery_code' });
    }
    if (!(await this.tokens.spend(p.mfa_token))) throw tokenInvalid();
    if (!user.isActive) throw new AppError('ACCOUNT_DISABLED', 'This account is disabled');
    await this.limits.clearFailures(user.id);
    const pair = await this.sessions.start(user, p.ctx, pending.method);
    await this.audit.record('login.succeeded', { userId: user.id, ctx: p.ctx, metadata: { session_id: pair.session_id, method: pending.method, mfa: via } });
    if (via === 'recovery_code') {
      await this.audit.record('mfa.recovery_code_used', { userId: user.id, ctx: p.ctx, metadata: { remaining: await this.recovery.remaining(user.id) } });
    }
    return pair;
  }
}
