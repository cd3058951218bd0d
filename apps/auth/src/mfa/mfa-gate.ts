import { Injectable } from '@nestjs/common';
import type { MfaRequired } from '@clipyard/contracts';
import { MfaFactorsRepository } from './mfa-factors.repository';
import { MFA_TOKEN_TTL_S, MfaTokens, type PendingSignIn } from './mfa-tokens';

/**
 * Where a first-factor sign-in (password, magic link, and social sign-in once it lands) becomes
 * either tokens or a second-factor challenge. Used by the sign-in services before they open a
 * session; it opens none itself, so it depends on nothing that does.
 */
@Injectable()
export class MfaGate {
  constructor(
    private readonly factors: MfaFactorsRepository,
    private readonly tokens: MfaTokens,
  ) {}

  /** `mfa_required` and a 5-minute mfa_token when the user has two-factor on; null otherwise. */
  async challengeIfEnabled(userId: string, method: PendingSignIn['method']): Promise<MfaRequired | null> {
    if (!(await this.factors.isEnabled(userId))) return null;
    return { mfa_required: true, mfa_token: await this.tokens.issue({ userId, method }), expires_in: MFA_TOKEN_TTL_S };
  }
}
