import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOAuth2, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AppError, effectiveScopes } from '@clipyard/contracts';
import { RpcClient } from '@clipyard/queue';
import { CreateApiKeyDto, RollApiKeyDto } from './auth.dto';
import { Client, type ClientCtx } from './http-context';
import { IdParam } from '../http/id.pipe';
import { CurrentUser, Scopes, type Principal } from './principal';
import { ApiRoute, rpcReply } from '../openapi/api-route.decorator';

/** An API key may only create or roll keys holding a subset of its own scopes (the auth app checks). */
const callerScopes = (me: Principal): string[] | undefined => (me.via === 'api_key' ? [...effectiveScopes(me.scopes)] : undefined);

/** API keys: the secret is returned once, on create and roll. */
@ApiTags('api-keys')
@ApiBearerAuth('bearer')
@ApiOAuth2([], 'oauth2')
@ApiSecurity('api-key')
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiRoute({
    id: 'apiKeys.create',
    summary: 'Create an API key (the secret is in this answer only)',
    responses: { 201: rpcReply('auth.apiKey.create') },
    errors: ['API_KEY_LIMIT_REACHED', 'INSUFFICIENT_ROLE', 'FEATURE_NOT_IN_PLAN', 'EMAIL_NOT_VERIFIED'],
  })
  @Scopes('account:write')
  async create(@CurrentUser() me: Principal, @Body() body: CreateApiKeyDto, @Client() ctx: ClientCtx) {
    // API access is a plan feature: a plan without `api_access` cannot mint keys.
    const { features } = await this.rpc.call('quota.get-limits', { userId: me.userId });
    if (!features.includes('api_access')) throw new AppError('FEATURE_NOT_IN_PLAN', 'Your plan does not include API access (api_access)', { feature: 'api_access' });
    return this.rpc.call('auth.apiKey.create', { userId: me.userId, ...body, callerScopes: callerScopes(me), ctx });
  }

  @Get()
  @ApiRoute({
    id: 'apiKeys.list',
    summary: 'Your API keys (never their secrets)',
    responses: { 200: rpcReply('auth.apiKey.list') },
  })
  @Scopes('account:read')
  list(@CurrentUser() me: Principal) {
    return this.rpc.call('auth.apiKey.list', { userId: me.userId });
  }

  @Delete(':id')
  @ApiRoute({
    id: 'apiKeys.revoke',
    summary: 'Revoke an API key (at once, on every gateway)',
    responses: { 204: null },
    errors: ['NOT_FOUND'],
  })
  @HttpCode(204)
  @Scopes('account:write')
  async revoke(@CurrentUser() me: Principal, @IdParam('id', 'NOT_FOUND', 'API key not found') id: string, @Client() ctx: ClientCtx) {
    await this.rpc.call('auth.apiKey.revoke', { userId: me.userId, keyId: id, ctx });
  }

  /** New secret; the old one keeps working for `grace_seconds` (default 24 h). */
  @Post(':id/roll')
  @ApiRoute({
    id: 'apiKeys.roll',
    summary: 'New secret for a key; the old one keeps working for `grace_seconds` (default 24 h)',
    responses: { 201: rpcReply('auth.apiKey.roll') },
    errors: ['NOT_FOUND', 'CONFLICT', 'API_KEY_LIMIT_REACHED', 'INSUFFICIENT_ROLE'],
  })
  @Scopes('account:write')
  roll(@CurrentUser() me: Principal, @IdParam('id', 'NOT_FOUND', 'API key not found') id: string, @Body() body: RollApiKeyDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.apiKey.roll', { userId: me.userId, keyId: id, grace_seconds: body?.grace_seconds, callerScopes: callerScopes(me), ctx });
  }
}
