import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOAuth2, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AppError, PROVIDERS, type ProviderId } from '@clipyard/contracts';
import { Public } from '@clipyard/observability';
import { RpcClient } from '@clipyard/queue';
import { SetProviderKeyDto } from './auth.dto';
import { Client, type ClientCtx } from './http-context';
import { CurrentUser, Scopes, type Principal } from './principal';

function provider(id: string): ProviderId {
  if (!Object.hasOwn(PROVIDERS, id)) {
    throw new AppError('UNSUPPORTED_PROVIDER', `Unknown provider ${id.slice(0, 40)}`, { supported: Object.keys(PROVIDERS) });
  }
  return id as ProviderId;
}

/** The caller's own provider keys (OpenAI and compatible); stored encrypted, never shown again. */
@ApiTags('provider-keys')
@ApiBearerAuth('bearer')
@ApiOAuth2([], 'oauth2')
@ApiSecurity('api-key')
@Controller('v1')
export class ProviderKeysController {
  constructor(private readonly rpc: RpcClient) {}

  @Public()
  @Get('providers')
  providers() {
    return { data: Object.entries(PROVIDERS).map(([id, p]) => ({ id, ...p })) };
  }

  @Get('provider-keys')
  @Scopes('account:read')
  list(@CurrentUser() me: Principal) {
    return this.rpc.call('auth.providerKey.list', { userId: me.userId });
  }

  @Put('provider-keys/:provider')
  @Scopes('account:write')
  set(@CurrentUser() me: Principal, @Param('provider') p: string, @Body() body: SetProviderKeyDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.providerKey.set', { userId: me.userId, provider: provider(p), ...body, ctx });
  }

  @Delete('provider-keys/:provider')
  @HttpCode(204)
  @Scopes('account:write')
  async remove(@CurrentUser() me: Principal, @Param('provider') p: string, @Client() ctx: ClientCtx) {
    await this.rpc.call('auth.providerKey.delete', { userId: me.userId, provider: provider(p), ctx });
  }
}
