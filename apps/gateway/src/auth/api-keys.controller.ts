import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOAuth2, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AppError } from '@clipyard/contracts';
import { RpcClient } from '@clipyard/queue';
import { CreateApiKeyDto, RollApiKeyDto } from './auth.dto';
import { Client, type ClientCtx } from './http-context';
import { IdParam } from '../http/id.pipe';
import { CurrentUser, Scopes, type Principal } from './principal';

/** API keys: the secret is returned once, on create and roll. */
@ApiTags('api-keys')
@ApiBearerAuth('bearer')
@ApiOAuth2([], 'oauth2')
@ApiSecurity('api-key')
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Scopes('account:write')
  create(@CurrentUser() me: Principal, @Body() body: CreateApiKeyDto, @Client() ctx: ClientCtx) {
    // A scoped key may only mint keys with a subset of its own scopes (no escalation).
    if (me.scopes.length && (!body.scopes?.length || body.scopes.some((s) => !me.scopes.includes(s)))) {
      throw new AppError('INSUFFICIENT_SCOPE', 'A scoped API key can only create keys with a subset of its own scopes', { scopes: me.scopes });
    }
    return this.rpc.call('auth.apiKey.create', { userId: me.userId, ...body, ctx });
  }

  @Get()
  @Scopes('account:read')
  list(@CurrentUser() me: Principal) {
    return this.rpc.call('auth.apiKey.list', { userId: me.userId });
  }

  @Delete(':id')
  @HttpCode(204)
  @Scopes('account:write')
  async revoke(@CurrentUser() me: Principal, @IdParam('id', 'NOT_FOUND', 'API key not found') id: string, @Client() ctx: ClientCtx) {
    await this.rpc.call('auth.apiKey.revoke', { userId: me.userId, keyId: id, ctx });
  }

  /** New secret; the old one keeps working for `grace_seconds` (default 24 h). */
  @Post(':id/roll')
  @Scopes('account:write')
  roll(@CurrentUser() me: Principal, @IdParam('id', 'NOT_FOUND', 'API key not found') id: string, @Body() body: RollApiKeyDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.apiKey.roll', { userId: me.userId, keyId: id, grace_seconds: body?.grace_seconds, ctx });
  }
}
