import { Injectable } from '@nestjs/common';
import type { MfaRequired } from '@clipyard/contracts';
import { MFA_TOKEN_TTL_S, MfaTokens, type PendingSignIn } from './mfa-tokens';

/**
 * The second-factor challenge a first-factor sign-in (password, magic link, social sign-in) gets
 * when the user has two-factor on. Whether it is on is read by the statement that would otherwise
 * open the session (`SessionsRepository.open`, `unlessMfaEnabled`), so the sign-in path makes one
 * round trip for both; this opens no session itself, so it depends on nothing that does.
 */
@Injectable()
export class MfaGate {
  constructor(private readonly tokens: MfaTokens) {}

  /** `mfa_required` and a 5-minute mfa_token. */
  async challenge(userId: string, method: PendingSignIn['method']): Promise<MfaRequired> {
    return { mfa_required: true, mfa_token: await this.tokens.issue({ userId, method }), expires_in: MFA_TOKEN_TTL_S };
  }
}
