import { Body, Controller, Delete, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError, tokenPair } from '@clipyard/contracts';
import { Public } from '@clipyard/observability';
import { RpcClient } from '@clipyard/queue';
import { Client, type ClientCtx } from './http-context';
import { DisableMfaDto, MfaChallengeDto, MfaCodeDto } from './mfa.dto';
import { CurrentUser, Scopes, type Principal } from './principal';
import { SessionCookies } from './session-cookies';
import { ApiRoute, rpcReply } from '../openapi/api-route.decorator';

const signedIn = z.union([tokenPair, tokenPair.omit({ refresh_token: true }).extend({ csrf_token: z.string().describe('Send as X-CSRF-Token when refreshing from the cookie') })]);
/** Two-factor is a person's setting: it is changed from a signed-in session, never with an API key. */
const sessionOnly = (me: Principal) => {
  if (!me.sessionId) throw new AppError('BAD_REQUEST', 'Two-factor settings need an access token (a session), not an API key');
};

/** Two-factor sign-in with an authenticator app (TOTP) and recovery codes. */
@ApiTags('auth')
@Controller('v1/auth/mfa')
export class MfaController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly cookies: SessionCookies,
  ) {}

  @Get()
  @Scopes('account:read')
  @ApiBearerAuth('bearer')
  @ApiRoute({
    id: 'auth.mfaStatus',
    summary: 'Whether two-factor sign-in is on for your account, and how many recovery codes are left',
    responses: { 200: rpcReply('auth.mfa.status') },
    errors: ['BAD_REQUEST'],
    auth: 'session',
  })
  status(@CurrentUser() me: Principal) {
    sessionOnly(me);
    return this.rpc.call('auth.mfa.status', { userId: me.userId });
  }

  @Post('totp')
  @HttpCode(200)
  @Scopes('account:write')
  @ApiBearerAuth('bearer')
  @ApiRoute({
    id: 'auth.startTotp',
    summary: 'Set up two-factor sign-in: a new TOTP secret and its otpauth:// URI (for a QR code)',
    description: 'Nothing changes until `POST /v1/auth/mfa/totp/verify` gets a first code. Asking again replaces a secret not yet verified.',
    responses: { 200: rpcReply('auth.mfa.totp.start') },
    errors: ['MFA_ALREADY_ENABLED', 'BAD_REQUEST'],
    auth: 'session',
  })
  start(@CurrentUser() me: Principal, @Client() ctx: ClientCtx) {
    sessionOnly(me);
    return this.rpc.call('auth.mfa.totp.start', { userId: me.userId, ctx });
  }

  @Post('totp/verify')
  @HttpCode(200)
  @Scopes('account:write')
  @ApiBearerAuth('bearer')
  @ApiRoute({
    id: 'auth.verifyTotp',
    summary: 'Turn two-factor on with a first code; returns 10 single-use recovery codes (shown once)',
    responses: { 200: rpcReply('auth.mfa.totp.verify') },
    errors: ['MFA_CODE_INVALID', 'MFA_ALREADY_ENABLED', 'MFA_NOT_ENABLED', 'BAD_REQUEST'],
    auth: 'session',
  })
  verify(@CurrentUser() me: Principal, @Body() body: MfaCodeDto, @Client() ctx: ClientCtx) {
    sessionOnly(me);
    return this.rpc.call('auth.mfa.totp.verify', { userId: me.userId, code: body.code, ctx });
  }

  @Delete('totp')
  @HttpCode(200)
  @Scopes('account:write')
  @ApiBearerAuth('bearer')
  @ApiRoute({
    id: 'auth.disableTotp',
    summary: 'Turn two-factor off, with a current code or your password (the recovery codes go too)',
    description: 'A wrong code or password counts towards the sign-in lockout.',
    responses: { 200: rpcReply('auth.mfa.totp.disable') },
    errors: ['MFA_CODE_INVALID', 'WRONG_PASSWORD', 'MFA_NOT_ENABLED', 'ACCOUNT_LOCKED', 'BAD_REQUEST'],
    auth: 'session',
  })
  disable(@CurrentUser() me: Principal, @Body() body: DisableMfaDto, @Client() ctx: ClientCtx) {
    sessionOnly(me);
    return this.rpc.call('auth.mfa.totp.disable', { userId: me.userId, code: body.code, password: body.password, ctx });
  }

  @Public()
  @Post('challenge')
  @HttpCode(200)
  @ApiRoute({
    id: 'auth.mfaChallenge',
    summary: 'Finish a sign-in that answered mfa_required: the mfa_token and a TOTP code or a recovery code → the token pair',
    description:
      'The mfa_token lasts 5 minutes and works once. A code is accepted once (never again, nor an older one); a recovery code is spent. ' +
      'Wrong codes count with wrong passwords: LOGIN_MAX_FAILURES of them lock the account (`429 ACCOUNT_LOCKED`). With `set_cookie: true` the refresh token goes into an HttpOnly cookie.',
    responses: { 200: signedIn },
    errors: ['MFA_TOKEN_INVALID', 'MFA_CODE_INVALID', 'ACCOUNT_LOCKED', 'ACCOUNT_DISABLED', 'RATE_LIMITED'],
  })
  async challenge(@Body() body: MfaChallengeDto, @Client() ctx: ClientCtx, @Res({ passthrough: true }) reply: FastifyReply) {
    const { set_cookie, ...proof } = body;
    const pair = await this.rpc.call('auth.mfa.challenge', { ...proof, ctx });
    return set_cookie ? this.cookies.issue(reply, pair) : pair;
  }
}
