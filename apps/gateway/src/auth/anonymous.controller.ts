import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { RPC_METHODS } from '@clipyard/contracts';
import { Public } from '@clipyard/observability';
import { RpcClient } from '@clipyard/queue';
import { AnonymousDto, UpgradeDto } from './anonymous.dto';
import { Client, type ClientCtx } from './http-context';
import { CurrentUser, Scopes, type Principal } from './principal';
import { SessionCookies } from './session-cookies';
import { ApiRoute, rpcReply } from '../openapi/api-route.decorator';

const created = RPC_METHODS['auth.anonymous.create'].reply;
const createdWithCookie = created.omit({ refresh_token: true }).extend({ csrf_token: z.string().describe('Send as X-CSRF-Token when refreshing from the cookie') });

/** The anonymous trial: try the product without an account, then keep everything by upgrading. */
@ApiTags('auth')
@Controller('v1/auth')
export class AnonymousController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly cookies: SessionCookies,
  ) {}

  /**
   * The user is made by auth, then put on billing's trial plan before any token leaves: should
   * billing not answer, the client gets a 503 and no tokens, and the unused user is swept later.
   */
  @Public()
  @Post('anonymous')
  @HttpCode(201)
  @ApiRoute({
    id: 'auth.createAnonymous',
    summary: 'Start an anonymous trial: a token pair for a new user without email or password, on the trial plan',
    description:
      'Rate limited per IP (IPv6 per /64: ANONYMOUS_PER_IP_PER_HOUR). The access token carries `is_anonymous: true`. ' +
      'Upgrade with `POST /v1/auth/upgrade` (or a magic link asked for while signed in) to keep the jobs and uploads; ' +
      'an anonymous user untouched for ANONYMOUS_TTL_DAYS is deleted with its data.',
    responses: { 201: z.union([created, createdWithCookie]) },
    errors: ['RATE_LIMITED'],
  })
  async create(@Body() body: AnonymousDto, @Client() ctx: ClientCtx, @Res({ passthrough: true }) reply: FastifyReply) {
    const pair = await this.rpc.call('auth.anonymous.create', { ctx });
    await this.rpc.call('subscription.startTrial', { userId: pair.user_id });
    if (!body?.set_cookie) return pair;
    return { ...this.cookies.issue(reply, pair), user_id: pair.user_id, is_anonymous: pair.is_anonymous };
  }

  @Post('upgrade')
  @HttpCode(200)
  @Scopes('account:write')
  @ApiBearerAuth('bearer')
  @ApiSecurity('api-key')
  @ApiRoute({
    id: 'auth.upgradeAnonymous',
    summary: 'Turn your anonymous trial into an account (email + password), keeping its id, jobs, uploads and usage',
    description:
      'Moves you from the trial plan to the default plan and mails a verification link and code. ' +
      'An email that already has an account answers 409 ACCOUNT_EXISTS and nothing is merged. ' +
      'Refresh your token afterwards for one without `is_anonymous`.',
    responses: { 200: rpcReply('auth.anonymous.upgrade') },
    errors: ['ACCOUNT_EXISTS', 'NOT_ANONYMOUS', 'WEAK_PASSWORD', 'RATE_LIMITED'],
  })
  upgrade(@CurrentUser() me: Principal, @Body() body: UpgradeDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.anonymous.upgrade', { userId: me.userId, email: body.email, password: body.password, ctx });
  }
}
