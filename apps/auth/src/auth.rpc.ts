import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '@clipyard/observability';
import type { AccountEmailMethod, AdminUsersMethod, AnonymousMethod, MfaMethod, OAuthMethod } from '@clipyard/contracts';
import { RpcController, type RpcHandlers } from '@clipyard/queue';
import { VerificationService } from './account-email/verification.service';
import { AUTH_CONFIG, type AuthConfig } from './config';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuditService } from './audit/audit.service';
import { RateLimits } from './common/rate-limits.service';
import { ProviderKeysService } from './provider-keys/provider-keys.service';
import { SessionsService } from './sessions/sessions.service';
import { SigningKeys } from './tokens/signing-keys.service';
import { AccountService } from './users/account.service';
import { UsersService } from './users/users.service';

type AuthHandlers = Omit<RpcHandlers<'auth'>, 'auth.ping' | AccountEmailMethod | AdminUsersMethod | AnonymousMethod | MfaMethod | OAuthMethod>;

/** The auth service's RPC surface: thin adapters from validated requests to the services. */
@Injectable()
@RpcController('auth')
export class AuthRpc {
  constructor(
    private readonly users: UsersService,
    private readonly account: AccountService,
    private readonly sessions: SessionsService,
    private readonly signer: SigningKeys,
    private readonly apiKeys: ApiKeysService,
    private readonly providerKeys: ProviderKeysService,
    private readonly audit: AuditService,
    private readonly limits: RateLimits,
    private readonly verification: VerificationService,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  handlers(): AuthHandlers {
    const ok = { ok: true as const };
    return {
      'auth.register': async (p) => {
        const user = await this.users.register(p);
        // The account exists either way; a failure here is logged and the user can ask for a resend.
        await this.verification.send(user.id, p.ctx).catch((err) => this.logger.error({ err, userId: user.id }, 'verification email not queued'));
        return user;
      },
      'auth.login': (p) => this.sessions.login(p),
      'auth.refresh': (p) => this.sessions.refresh(p),
      'auth.logout': async (p) => (await this.sessions.revokeOwn(p.userId, p.sessionId, p.ctx), ok),
      'auth.logoutAll': async (p) => ({ revoked: await this.sessions.revokeAll(p.userId, p.ctx) }),
      'auth.sessions.list': (p) => this.sessions.list(p.userId, p.currentSessionId),
      'auth.sessions.revoke': async (p) => (await this.sessions.revokeOwn(p.userId, p.sessionId, p.ctx), ok),
      'auth.me.get': (p) => this.users.get(p.userId),
      'auth.me.update': ({ userId, ...patch }) => this.users.update(userId, patch),
      'auth.password.change': (p) => this.account.changePassword(p),
      'auth.checkEmail': async (p) => {
        await this.limits.checkEmail(p.ctx.ip);
        return { available: await this.users.checkEmail(p.email) };
      },
      'auth.jwks': () => this.signer.jwks(),
      'auth.apiKey.create': async (p) => {
        if (this.config.REQUIRE_VERIFIED_EMAIL) await this.users.assertVerified(p.userId);
        return this.apiKeys.create(p);
      },
      'auth.apiKey.list': (p) => this.apiKeys.list(p.userId),
      'auth.apiKey.revoke': async (p) => (await this.apiKeys.revoke(p.userId, p.keyId, p.ctx), ok),
      'auth.apiKey.roll': (p) => this.apiKeys.roll(p),
      'auth.apiKey.resolve': (p) => this.apiKeys.resolve(p.hash),
      'auth.apiKey.recordUsage': async (p) => ({ updated: await this.apiKeys.recordUsage(p.items) }),
      'auth.providerKey.set': (p) => this.providerKeys.set(p),
      'auth.providerKey.list': (p) => this.providerKeys.list(p.userId),
      'auth.providerKey.delete': async (p) => (await this.providerKeys.delete(p.userId, p.provider, p.ctx), ok),
      'auth.providerKey.forWorker': (p) => this.providerKeys.forWorker(p.userId, p.provider, p.use),
      'auth.providerKey.reportError': async (p) => (await this.providerKeys.reportError(p.userId, p.provider, p.error), ok),
      'auth.providerKey.reportOk': async (p) => (await this.providerKeys.clearError(p.userId, p.provider), ok),
      'auth.audit.list': (p) => this.audit.list(p),
      'auth.audit.record': async (p) =>
        (await this.audit.record(p.action, { userId: p.userId, actorId: p.actorId, ctx: p.ctx, metadata: p.metadata }), ok),
    };
  }
}
