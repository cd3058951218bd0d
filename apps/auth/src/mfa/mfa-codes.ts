import { Injectable } from '@nestjs/common';
import { MfaFactorsRepository, type MfaFactorRow } from './mfa-factors.repository';
import { RecoveryCodesRepository } from './recovery-codes.repository';
import { Totp } from './totp';

/** Checks a second factor: a TOTP code (each accepted once, never an older one) or a recovery code (spent). */
@Injectable()
export class MfaCodes {
  constructor(
    private readonly factors: MfaFactorsRepository,
    private readonly recovery: RecoveryCodesRepository,
    private readonly totp: Totp,
  ) {}

  /** True once per code: a code of the same or an earlier time step than the last accepted one is refused (no replay). */
  async acceptTotp(factor: MfaFactorRow, code: string): Promise<boolean> {
    const step = this.totp.check(this.totp.open(factor.userId, factor.secretSealed), code, factor.lastTimeStep);
    return step !== null && (await this.factors.acceptTimeStep(factor.userId, step));
  }

  acceptRecoveryCode(userId: string, code: string): Promise<boolean> {
    return this.recovery.consume(userId, this.totp.recoveryHash(code));
  }
}
