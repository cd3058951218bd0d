import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AppError } from '@clipyard/contracts';
import { RpcClient } from '@clipyard/queue';
import { GatewayPassport } from '../strategies/gateway-passport.service';
import { runRedirectingStrategy } from '../strategies/gateway-passport';
import { GATEWAY_CONFIG, type GatewayConfig } from '../../config';
import type { ClientCtx } from '../http-context';
import { consumeOrRefuse } from '../request-rate-limit';
import { OAuthClients } from './oauth-clients';
import { redirectAllowed } from './oauth.config';
import { OAuthStateStore } from './oauth-state.store';
import { SocialStrategy, type BeginOptions, type SocialResult } from './social.strategy';

export interface AuthorizeInput {
  redirectUri: string;
  codeChallenge?: string;
  clientState?: string;
  linkUserId?: string;
  errorRedirect?: boolean;
}

/**
 * The sign-in dance on the gateway: /authorize → the provider (through the provider's passport
 * strategy), /callback → the auth app decides the account and issues a one-time code → back to
 * the client's allow-listed redirect_uri. Tokens never travel in a URL: only that code does.
 */
@Injectable()
export class OAuthService {
  private readonly listLimit: RateLimiterMemory;

  constructor(
    private readonly clients: OAuthClients,
    private readonly gatewayPassport: GatewayPassport,
    private readonly rpc: RpcClient,
    states: OAuthStateStore,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    for (const p of clients.providers) gatewayPassport.use(new SocialStrategy(p, clients, states));
    this.listLimit = new RateLimiterMemory({ points: config.OAUTH_PROVIDERS_IP_PER_MIN, duration: 60 });
  }

  /** The configured providers (id and button name), in OAUTH_PROVIDERS order; limited per client IP. */
  async list(ctx: ClientCtx): Promise<{ data: { id: string; name: string }[] }> {
    await consumeOrRefuse(this.listLimit, ctx.ip ?? 'unknown', 'Too many requests from this address; slow down', { limit_per_min: this.listLimit.points });
    return { data: this.clients.providers.map((p) => ({ id: p.name, name: p.displayName })) };
  }

  /** The provider URL to send the browser to. */
  async authorize(provider: string, req: unknown, input: AuthorizeInput): Promise<string> {
    this.clients.provider(provider);
    if (!redirectAllowed(input.redirectUri, this.clients.allowlist)) {
      throw new AppError('REDIRECT_URI_NOT_ALLOWED', 'redirect_uri is not on this server\'s allow-list (OAUTH_REDIRECT_ALLOWLIST)');
    }
    const begin: BeginOptions['begin'] = {
      redirectUri: input.redirectUri,
      clientChallenge: input.codeChallenge,
      clientState: input.clientState,
      linkUserId: input.linkUserId,
      errorRedirect: input.errorRedirect,
    };
    const r = await runRedirectingStrategy<SocialResult>(this.gatewayPassport.passport, `oauth:${provider}`, req, { begin });
    if (!('redirect' in r)) throw new Error('expected a redirect');
    return r.redirect;
  }

  /**
   * Finishes the callback: where to send the browser (the client's redirect_uri with `code`, or
   * `linked`). A refusal once the state is known (the provider's, or the account rules' such as
   * ACCOUNT_EXISTS) is thrown, or with `on_error=redirect` sent to redirect_uri as `error=CODE`.
   */
  async callback(provider: string, req: unknown, ctx: ClientCtx): Promise<{ location: string }> {
    this.clients.provider(provider);
    const r = await runRedirectingStrategy<SocialResult>(this.gatewayPassport.passport, `oauth:${provider}`, req);
    if (!('user' in r)) throw new AppError('OAUTH_STATE_INVALID', 'Unexpected answer from the sign-in provider');
    const { state } = r.user;
    const back = new URL(state.redirectUri);
    if (state.clientState) back.searchParams.set('state', state.clientState);
    try {
      if ('refused' in r.user) throw r.user.refused;
      const reply = await this.rpc.call('auth.oauth.signIn', {
        profile: r.user.profile,
        linkUserId: state.linkUserId,
        redirectUri: state.redirectUri,
        codeChallenge: state.clientChallenge,
        ctx,
      });
      if (reply.code) back.searchParams.set('code', reply.code);
      else back.searchParams.set('linked', provider);
    } catch (err) {
      if (!state.errorRedirect || !(err instanceof AppError)) throw err;
      back.searchParams.set('error', err.code);
      back.searchParams.set('error_description', err.message.slice(0, 300));
    }
    return { location: back.toString() };
  }
}
