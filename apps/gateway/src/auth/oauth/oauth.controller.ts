import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@clipyard/contracts';
import { Public } from '@clipyard/observability';
import { RpcClient } from '@clipyard/queue';
import { IdParam } from '../../http/id.pipe';
import { ApiRoute, rpcReply } from '../../openapi/api-route.decorator';
import { Client, type ClientCtx } from '../http-context';
import { CurrentUser, Scopes, type Principal } from '../principal';
import { AuthorizeQueryDto, authorizationUrlReply, callbackQuery, LinkIdentityDto, oauthProvidersReply } from './oauth.dto';
import { OAuthService } from './oauth.service';

const redirect = (description: string) => ({ description, headers: { Location: { description, required: true } } });

/** Sign-in with Google, GitHub or an OpenID Connect provider, and the identities linked to your account. */
@ApiTags('auth')
@ApiBearerAuth('bearer')
@ApiSecurity('api-key')
@Controller('v1/auth')
export class OAuthController {
  constructor(
    private readonly oauth: OAuthService,
    private readonly rpc: RpcClient,
  ) {}

  @Public()
  @Get('oauth/providers')
  @ApiRoute({
    id: 'auth.oauthProviders',
    summary: 'The sign-in providers this server is configured with (OAUTH_PROVIDERS), for sign-in buttons',
    description: 'Public; rate limited per client IP (OAUTH_PROVIDERS_IP_PER_MIN). Empty when social sign-in is not configured.',
    responses: { 200: oauthProvidersReply },
    errors: ['RATE_LIMITED'],
  })
  providers(@Client() ctx: ClientCtx) {
    return this.oauth.list(ctx);
  }

  @Public()
  @Get('oauth/:provider/authorize')
  @ApiRoute({
    id: 'auth.oauthAuthorize',
    summary: 'Start signing in with a provider → 302 to the provider',
    description:
      'Authorization code with PKCE (S256), `state` and (OpenID Connect) `nonce`, valid 10 minutes, single use. ' +
      'The provider comes back to `/callback`, which sends the browser to `redirect_uri` with a one-time `code` for `POST /v1/auth/token` (`grant_type=authorization_code`).',
    responses: { 302: redirect('The provider\'s authorization endpoint') },
    errors: ['UNKNOWN_OAUTH_PROVIDER', 'REDIRECT_URI_NOT_ALLOWED', 'OAUTH_PROVIDER_ERROR'],
  })
  async authorize(@Param('provider') provider: string, @Query() q: AuthorizeQueryDto, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const url = await this.oauth.authorize(provider, req, { redirectUri: q.redirect_uri, codeChallenge: q.code_challenge, clientState: q.state, errorRedirect: q.on_error === 'redirect' });
    return reply.header('Cache-Control', 'no-store').redirect(url, 302);
  }

  @Public()
  @Get('oauth/:provider/callback')
  @ApiRoute({
    id: 'auth.oauthCallback',
    summary: 'Where the provider sends the browser back → 302 to redirect_uri with a one-time code (60 s)',
    description:
      'Redirects to the `redirect_uri` given to `/authorize` with `code` (exchange it within 60 s at `POST /v1/auth/token`) and the client\'s `state`; ' +
      'after linking (`/identities/{provider}/link`) with `linked={provider}` instead; with `on_error=redirect`, a refusal with `error` and `error_description` instead. A provider identity whose email belongs to an account it may not join ' +
      '(either side\'s email unverified) is refused with 409 ACCOUNT_EXISTS: sign in to that account and link the provider from it.',
    query: callbackQuery,
    responses: { 302: redirect('redirect_uri?code=…&state=…') },
    errors: ['UNKNOWN_OAUTH_PROVIDER', 'OAUTH_STATE_INVALID', 'OAUTH_PROVIDER_ERROR', 'ACCOUNT_EXISTS', 'IDENTITY_TAKEN', 'OAUTH_EMAIL_MISSING', 'ACCOUNT_DISABLED'],
  })
  async callback(@Param('provider') provider: string, @Req() req: FastifyRequest, @Client() ctx: ClientCtx, @Res() reply: FastifyReply) {
    const { location } = await this.oauth.callback(provider, req, ctx);
    return reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer').redirect(location, 302);
  }

  @Post('identities/:provider/link')
  @ApiRoute({
    id: 'auth.linkIdentity',
    summary: 'Link a provider to your account: the URL to send the browser to (the same dance as sign-in)',
    description: 'Open `authorization_url` in the browser; the callback links the identity and redirects to `redirect_uri?linked={provider}`.',
    responses: { 200: authorizationUrlReply },
    errors: ['UNKNOWN_OAUTH_PROVIDER', 'REDIRECT_URI_NOT_ALLOWED', 'OAUTH_PROVIDER_ERROR', 'BAD_REQUEST'],
    auth: 'session',
  })
  @HttpCode(200)
  @Scopes('account:write')
  async link(@CurrentUser() me: Principal, @Param('provider') provider: string, @Body() body: LinkIdentityDto, @Req() req: FastifyRequest) {
    if (me.via !== 'jwt') throw new AppError('BAD_REQUEST', 'Linking a provider needs an access token (a session), not an API key');
    const url = await this.oauth.authorize(provider, req, {
      redirectUri: body.redirect_uri,
      codeChallenge: body.code_challenge,
      clientState: body.state,
      linkUserId: me.userId,
      errorRedirect: body.on_error === 'redirect',
    });
    return { authorization_url: url };
  }

  @Get('identities')
  @ApiRoute({
    id: 'auth.listIdentities',
    summary: 'The provider accounts (Google, GitHub, OpenID Connect) linked to your account',
    responses: { 200: rpcReply('auth.identities.list') },
  })
  @Scopes('account:read')
  identities(@CurrentUser() me: Principal) {
    return this.rpc.call('auth.identities.list', { userId: me.userId });
  }

  @Delete('identities/:id')
  @ApiRoute({
    id: 'auth.unlinkIdentity',
    summary: 'Unlink a provider account (refused if it is your last way to sign in)',
    responses: { 204: null },
    errors: ['NOT_FOUND', 'LAST_SIGN_IN_METHOD'],
  })
  @HttpCode(204)
  @Scopes('account:write')
  async unlink(@CurrentUser() me: Principal, @IdParam('id', 'NOT_FOUND', 'Identity not found') id: string, @Client() ctx: ClientCtx) {
    await this.rpc.call('auth.identities.delete', { userId: me.userId, identityId: id, ctx });
  }
}
