import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOAuth2, ApiTags } from '@nestjs/swagger';
import { RpcClient } from '@clipyard/queue';
import { Client, type ClientCtx } from './http-context';
import { IdParam } from '../http/id.pipe';
import { CurrentUser, Scopes, type Principal } from './principal';
import { ApiRoute, rpcReply } from '../openapi/api-route.decorator';

/** The caller's signed-in sessions (refresh-token families). */
@ApiTags('auth')
@ApiBearerAuth('bearer')
@ApiOAuth2([], 'oauth2')
@Controller('v1/auth/sessions')
export class SessionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiRoute({
    id: 'sessions.list',
    summary: 'Your signed-in sessions (the current one is marked)',
    responses: { 200: rpcReply('auth.sessions.list') },
  })
  @Scopes('account:read')
  list(@CurrentUser() me: Principal) {
    return this.rpc.call('auth.sessions.list', { userId: me.userId, currentSessionId: me.sessionId });
  }

  @Delete(':id')
  @ApiRoute({
    id: 'sessions.revoke',
    summary: 'Sign out one of your sessions',
    responses: { 204: null },
    errors: ['NOT_FOUND'],
  })
  @HttpCode(204)
  @Scopes('account:write')
  async revoke(@CurrentUser() me: Principal, @IdParam('id', 'NOT_FOUND', 'Session not found') id: string, @Client() ctx: ClientCtx) {
    await this.rpc.call('auth.sessions.revoke', { userId: me.userId, sessionId: id, ctx });
  }
}
