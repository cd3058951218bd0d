import { Injectable } from '@nestjs/common';
import { AppError } from '@clipyard/contracts';
import { Database } from '@clipyard/database';
import { AuditService } from '../audit/audit.service';
import type { RequestCtx } from '../common/context';
import { RateLimits } from '../common/rate-limits.service';
import { PasswordHasher } from '../users/password.hasher';
import { UsersService } from '../users/users.service';
import { MfaCodes } from './mfa-codes';
import { MfaFactorsRepository } from './mfa-factors.repository';
import { RecoveryCodesRepository } from './recovery-codes.repository';
import { Totp } from './totp';

export const mfaCodeInvalid = () => new AppError('MFA_CODE_INVALID', 'The code is wrong, expired or already used', { field: 'code' });
const alreadyEnabled = () => new AppError('MFA_ALREADY_ENABLED', 'Two-factor sign-in is already on; turn it off first to set up a new authenticator');

/** Turning TOTP on (secret → first code → recovery codes) and off (a code or the password). */
@Injectable()
export class MfaSetupService {
  constructor(
    private readonly db: Database,
    private readonly factors: MfaFactorsRepository,
    private readonly recovery: RecoveryCodesRepository,
    private readonly codes: MfaCodes,
    private readonly totp: Totp,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly limits: RateLimits,
    private readonly audit: AuditService,
  ) {}

  async status(userId: string): Promise<{ totp: { enabled: boolean; enabled_at: string | null; recovery_codes_remaining: number } }> {
    const factor = await this.factors.find(userId);
    const enabledAt = factor?.enabledAt ?? null;
    return { totp: { enabled: !!enabledAt, enabled_at: enabledAt ? new Date(enabledAt).toISOString() : null, recovery_codes_remaining: enabledAt ? await this.recovery.remaining(userId) : 0 } };
  }

  /** A new secret (pending until its first code is verified); the secret is shown only here. */
  async start(userId: string, ctx: RequestCtx): Promise<{ secret: string; otpauth_uri: string }> {
    const user = await this.users.require(userId);
    const secret = this.totp.newSecret();
    if (!(await this.factors.upsertPending(userId, this.totp.seal(userId, secret)))) throw alreadyEnabled();
    await this.audit.record('mfa.totp_started', { userId, ctx });
    return { secret, otpauth_uri: this.totp.uri(secret, user.email ?? user.username ?? user.id) };
  }

  async verify(userId: string, code: string, ctx: RequestCtx): Promise<{ enabled: true; recovery_codes: string[] }> {
    const factor = await this.factors.find(userId);
    if (!factor) throw new AppError('MFA_NOT_ENABLED', 'Start the setup first: POST /v1/auth/mfa/totp');
    if (factor.enabledAt) throw alreadyEnabled();
    if (!(await this.codes.acceptTotp(factor, code))) throw mfaCodeInvalid();
    const codes = this.totp.recoveryCodes();
    const enabled = await this.db.transaction(async (tx) => {
      if (!(await this.factors.enable(userId, tx))) return false;
      await this.recovery.replace(userId, codes.map((c) => this.totp.recoveryHash(c)), tx);
      return true;
    });
    if (!enabled) throw alreadyEnabled();
    await this.audit.record('mfa.totp_enabled', { userId, ctx });
    return { enabled: true, recovery_codes: codes };
  }

  /** A wrong code or password counts towards the sign-in lockout, like a wrong password at login. */
  async disable(p: { userId: string; code?: string; password?: string; ctx: RequestCtx }): Promise<{ disabled: true }> {
    if (p.code === undefined && p.password === undefined) {
      throw new AppError('VALIDATION_FAILED', 'Send code or password', { issues: [{ path: 'code', message: 'code or password is required' }] });
    }
    await this.limits.assertNotLocked(p.userId);
    const user = await this.users.require(p.userId);
    const factor = await this.factors.find(p.userId);
    if (!factor?.enabledAt) throw new AppError('MFA_NOT_ENABLED', 'Two-factor sign-in is not on');
    const ok = p.code !== undefined ? await this.codes.acceptTotp(factor, p.code) : await this.hasher.verify(user.passwordHash, p.password!);
    if (!ok) {
      await this.limits.recordFailure(p.userId);
      await this.audit.record('mfa.challenge_failed', { userId: p.userId, ctx: p.ctx, metadata: { purpose: 'disable' } });
      throw p.code !== undefined ? mfaCodeInvalid() : new AppError('WRONG_PASSWORD', 'The password is wrong', { field: 'password' });
    }
    await this.db.transaction(async (tx) => {
      await this.recovery.deleteAll(p.userId, tx);
      await this.factors.delete(p.userId, tx);
    });
    await this.audit.record('mfa.totp_disabled', { userId: p.userId, ctx: p.ctx, metadata: { proof: p.code !== undefined ? 'code' : 'password' } });
    return { disabled: true };
  }
}
