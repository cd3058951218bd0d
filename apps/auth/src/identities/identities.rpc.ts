import { Injectable } from '@nestjs/common';
import type { OAuthMethod } from '@clipyard/contracts';
import { RpcController, type RpcHandlers } from '@clipyard/queue';
import { IdentitiesService } from './identities.service';
import { SocialSignInService } from './social-sign-in.service';

/** RPC handlers of social / OIDC sign-in and linked identities. */
@Injectable()
@RpcController('auth')
export class IdentitiesRpc {
  constructor(
    private readonly social: SocialSignInService,
    private readonly identities: IdentitiesService,
  ) {}

  handlers(): Pick<RpcHandlers<'auth'>, OAuthMethod> {
    return {
      'auth.oauth.signIn': (p) => this.social.signIn(p),
      'auth.oauth.exchange': (p) => this.social.exchange(p),
      'auth.identities.list': (p) => this.identities.list(p.userId),
      'auth.identities.delete': async (p) => (await this.identities.unlink(p.userId, p.identityId, p.ctx), { ok: true as const }),
    };
  }
}
