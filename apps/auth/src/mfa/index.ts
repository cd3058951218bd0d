import { MfaChallengeService } from './mfa-challenge.service';
import { MfaCodes } from './mfa-codes';
import { MfaFactorsRepository } from './mfa-factors.repository';
import { MfaGate } from './mfa-gate';
import { MfaRpc } from './mfa.rpc';
import { MfaSecretsRotation } from './mfa-secrets-rotation';
import { MfaSetupService } from './mfa-setup.service';
import { MfaTokens } from './mfa-tokens';
import { RecoveryCodesRepository } from './recovery-codes.repository';
import { Totp } from './totp';

export { MfaGate } from './mfa-gate';
export { MfaSecretsRotation } from './mfa-secrets-rotation';

/** Two-factor sign-in (TOTP and recovery codes). */
export const MFA_PROVIDERS = [MfaFactorsRepository, RecoveryCodesRepository, Totp, MfaTokens, MfaCodes, MfaGate, MfaSetupService, MfaChallengeService, MfaSecretsRotation, MfaRpc];
