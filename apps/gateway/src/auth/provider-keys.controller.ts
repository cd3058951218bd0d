import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOAuth2, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AppError, PROVIDER_IDS, PROVIDERS, type ProviderId } from '@clipyard/contracts';
import { Public } from '@clipyard/observability';
import { RpcClient } from '@clipyard/queue';
import { SetProviderKeyDto } from './auth.dto';
import { Client, type ClientCtx } from './http-context';
import { CurrentUser, Scopes, type Principal } from './principal';
import { z } from 'zod';
import { ApiRoute, rpcReply } from '../openapi/api-route.decorator';

const providersListSchema = z.object({
  data: z.array(
    z.object({
      id: z.enum(PROVIDER_IDS),
      name: z.string(),
      default_base_url: z.string().nullable(),
      requires_base_url: z.boolean(),
      uses: z.array(z.enum(['transcription', 'chat'])).describe('What a key of this provider is used for'),
      chat_api: z.enum(['openai', 'anthropic']),
    }),
  ),
});

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
  @ApiRoute({
    id: 'providers.list',
    summary: 'Transcription providers you can store a key for',
    responses: { 200: providersListSchema },
  })
  providers() {
    return { data: Object.entries(PROVIDERS).map(([id, p]) => ({ id, ...p })) };
  }

  @Get('provider-keys')
  @ApiRoute({
    id: 'providerKeys.list',
    summary: 'Your provider keys (last 4 characters only)',
    responses: { 200: rpcReply('auth.providerKey.list') },
  })
  @Scopes('account:read')
  list(@CurrentUser() me: Principal) {
    return this.rpc.call('auth.providerKey.list', { userId: me.userId });
  }

  @Put('provider-keys/:provider')
  @ApiRoute({
    id: 'providerKeys.set',
    summary: 'Store (or replace) your key for a provider; it is encrypted at rest and never shown again',
    responses: { 200: rpcReply('auth.providerKey.set') },
    errors: ['UNSUPPORTED_PROVIDER', 'URL_FORBIDDEN'],
  })
  @Scopes('account:write')
  set(@CurrentUser() me: Principal, @Param('provider') p: string, @Body() body: SetProviderKeyDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.providerKey.set', { userId: me.userId, provider: provider(p), ...body, ctx });
  }

  /** The key is opened in a media worker only (RPC), never here; one cheap call, no tokens spent. */
  @Post('provider-keys/:provider/test')
  @HttpCode(200)
  @ApiRoute({
    id: 'providerKeys.test',
    summary: 'Test your key for a provider: one cheap authenticated call (`GET /models`) from a media worker',
    description:
      'Answers 200 with `ok: true`, or `ok: false` and the code a job would fail with (`PROVIDER_KEY_REJECTED`, `PROVIDER_UNAVAILABLE`, `PROVIDER_TIMEOUT`, `URL_FORBIDDEN`…). A rejected key shows on the key as `last_error`.',
    responses: { 200: rpcReply('media.providerKey.test') },
    errors: ['UNSUPPORTED_PROVIDER', 'PROVIDER_KEY_NOT_FOUND'],
  })
  @Scopes('account:write')
  test(@CurrentUser() me: Principal, @Param('provider') p: string) {
    return this.rpc.call('media.providerKey.test', { userId: me.userId, provider: provider(p) });
  }

  @Delete('provider-keys/:provider')
  @ApiRoute({
    id: 'providerKeys.delete',
    summary: 'Delete your key for a provider',
    responses: { 204: null },
    errors: ['UNSUPPORTED_PROVIDER', 'PROVIDER_KEY_NOT_FOUND'],
  })
  @HttpCode(204)
  @Scopes('account:write')
  async remove(@CurrentUser() me: Principal, @Param('provider') p: string, @Client() ctx: ClientCtx) {
    await this.rpc.call('auth.providerKey.delete', { userId: me.userId, provider: provider(p), ctx });
  }
}
