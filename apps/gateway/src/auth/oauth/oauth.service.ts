import { Injectable } from '@nestjs/common';
import { AppError, type RpcReply } from '@clipyard/contracts';
import { RpcClient } from '@clipyard/queue';
import { GatewayPassport } from '../strategies/gateway-passport.service';
import { runRedirectingStrategy } from '../strategies/gateway-passport';
import type { ClientCtx } from '../http-context';
import { OAuthClients } from './oauth-clients';
import { redirectAllowed } from './oauth.config';
import { OAuthStateStore } from './oauth-state.store';
import { SocialStrategy, type BeginOptions, type SocialResult } from './social.strategy';

export interface AuthorizeInput {
  redirectUri: string;
  codeChallenge?: string;
  clientState?: string;
  linkUserId?: string;
}

/**
 * The sign-in dance on the gateway: /authorize → the provider (through the provider's passport
 * strategy), /callback → the auth app decides the account and issues a one-time code → back to
 * the client's allow-listed redirect_uri. Tokens never travel in a URL: only that code does.
 */
@Injectable()
export class OAuthService {
  constructor(
    private readonly clients: OAuthClients,
    private readonly gatewayPassport: GatewayPassport,
    private readonly rpc: RpcClient,
    states: OAuthStateStore,
  ) {
    for (const p of clients.providers) gatewayPassport.use(new SocialStrategy(p, clients, states));
  }

  /** The provider URL to send the browser to. */
  async authorize(provider: string, req: unknown, input: AuthorizeInput): Promise<string> {
    this.clients.provider(provider);
    if (!redirectAllowed(input.redirectUri, this.clients.allowlist)) {
      throw new AppError('REDIRECT_URI_NOT_ALLOWED', 'redirect_uri is not on this server\'s allow-list (OAUTH_REDIRECT_ALLOWLIST)');
    }
    const begin: BeginOptions['begin'] = { redirectUri: input.redirectUri, clientChallenge: input.codeChallenge, clientState: input.clientState, linkUserId: input.linkUserId };
    const r = await runRedirectingStrategy<SocialResult>(this.gatewayPassport.passport, `oauth:${provider}`, req, { begin });
    if (!('redirect' in r)) throw new Error('expected a redirect');
    return r.redirect;
  }

  /** Finishes the callback: where to send the browser (the client's redirect_uri with `code`, or `linked`). */
  async callback(provider: string, req: unknown, ctx: ClientCtx): Promise<{ location: string; reply: RpcReply<'auth.oauth.signIn'> }> {
    this.clients.provider(provider);
    const r = await runRedirectingStrategy<SocialResult>(this.gatewayPassport.passport, `oauth:${provider}`, req);
    if (!('user' in r)) throw new AppError('OAUTH_STATE_INVALID', 'Unexpected answer from the sign-in provider');
    const { profile, state } = r.user;
    const reply = await this.rpc.call('auth.oauth.signIn', {
      profile,
      linkUserId: state.linkUserId,
      redirectUri: state.redirectUri,
      codeChallenge: state.clientChallenge,
      ctx,
    });
    const back = new URL(state.redirectUri);
    if (reply.code) back.searchParams.set('code', reply.code);
    else back.searchParams.set('linked', provider);
    if (state.clientState) back.searchParams.set('state', state.clientState);
    return { location: back.toString(), reply };
  }
}
