import { Injectable } from '@nestjs/common';
import type { MfaMethod } from '@clipyard/contracts';
import { RpcController, type RpcHandlers } from '@clipyard/queue';
import { MfaChallengeService } from './mfa-challenge.service';
import { MfaSetupService } from './mfa-setup.service';

/** RPC handlers of two-factor sign-in. */
@Injectable()
@RpcController('auth')
export class MfaRpc {
  constructor(
    private readonly setup: MfaSetupService,
    private readonly challenges: MfaChallengeService,
  ) {}

  handlers(): Pick<RpcHandlers<'auth'>, MfaMethod> {
    return {
      'auth.mfa.status': (p) => this.setup.status(p.userId),
      'auth.mfa.totp.start': (p) => this.setup.start(p.userId, p.ctx),
      'auth.mfa.totp.verify': (p) => this.setup.verify(p.userId, p.code, p.ctx),
      'auth.mfa.totp.disable': (p) => this.setup.disable(p),
      'auth.mfa.challenge': (p) => this.challenges.challenge(p),
    };
  }
}
