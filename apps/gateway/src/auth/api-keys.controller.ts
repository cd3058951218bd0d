import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { RpcClient } from '@clipyard/queue';
import { CreateApiKeyDto, RollApiKeyDto } from './auth.dto';
import { assertId, Client, type ClientCtx } from './http-context';
import { CurrentUser, type Principal } from './principal';

/** API keys: the secret is returned once, on create and roll. */
@ApiTags('api-keys')
@ApiBearerAuth('bearer')
@ApiSecurity('api-key')
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  create(@CurrentUser() me: Principal, @Body() body: CreateApiKeyDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.apiKey.create', { userId: me.userId, ...body, ctx });
  }

  @Get()
  list(@CurrentUser() me: Principal) {
    return this.rpc.call('auth.apiKey.list', { userId: me.userId });
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@CurrentUser() me: Principal, @Param('id') id: string, @Client() ctx: ClientCtx) {
    await this.rpc.call('auth.apiKey.revoke', { userId: me.userId, keyId: assertId(id, 'API key'), ctx });
  }

  /** New secret; the old one keeps working for `grace_seconds` (default 24 h). */
  @Post(':id/roll')
  roll(@CurrentUser() me: Principal, @Param('id') id: string, @Body() body: RollApiKeyDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.apiKey.roll', { userId: me.userId, keyId: assertId(id, 'API key'), grace_seconds: body?.grace_seconds, ctx });
  }
}
