import { Body, Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isMfaRequired, mfaRequired, tokenPair } from '@clipyard/contracts';
import { Public } from '@clipyard/observability';
import { RpcClient } from '@clipyard/queue';
import { AuthGuard } from './auth.guard';
import {
  ChangeEmailDto,
  ConfirmEmailChangeDto,
  DeleteAccountDto,
  EmailDto,
  MagicLinkVerifyDto,
  ResetPasswordDto,
  VerifyEmailDto,
} from './account-email.dto';
import { Client, type ClientCtx } from './http-context';
import { CurrentUser, Scopes, type Principal } from './principal';
import { ApiRoute, rpcReply } from '../openapi/api-route.decorator';
import { SessionCookies } from './session-cookies';

/** The magic-link sign-in's answer: the pair, or (browser, `set_cookie`) the pair without the refresh token. */
const magicSignedIn = z.union([
  tokenPair.extend({ created: z.boolean() }),
  mfaRequired,
  tokenPair
    .omit({ refresh_token: true })
    .extend({ created: z.boolean(), csrf_token: z.string().describe('Send as X-CSRF-Token when refreshing from the cookie') }),
]);

/**
 * Accounts over email. Every route that takes an address answers 202 `{ "accepted": true }`
 * whether or not an account exists; links land on pages that POST the token here (a GET never
 * spends one). Rate limited per IP (429) and per address (silently).
 */
@ApiTags('auth')
@Controller('v1/auth')
export class AccountEmailController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly modules: ModuleRef,
    private readonly cookies: SessionCookies,
  ) {}

  @Public()
  @Post('email/verify')
  @HttpCode(200)
  @ApiRoute({
    id: 'auth.verifyEmail',
    summary: 'Verify your email with the link token, or with the 6-digit code while signed in',
    description: 'With `code`, the caller must be signed in (access token or API key): a code only proves the caller\'s own address.',
    responses: { 200: rpcReply('auth.email.verify') },
    errors: ['LINK_INVALID', 'UNAUTHENTICATED', 'RATE_LIMITED'],
  })
  async verifyEmail(@Body() body: VerifyEmailDto, @Client() ctx: ClientCtx, @Req() req: FastifyRequest) {
    if (body.code !== undefined) {
      // A code only means something for the caller's own account: credentials are required for it.
      const me = await this.modules.get(AuthGuard, { strict: false }).authenticate(req);
      return this.rpc.call('auth.email.verify', { code: body.code, userId: me.userId, ctx });
    }
    return this.rpc.call('auth.email.verify', { token: body.token, ctx });
  }

  @Public()
  @Post('email/resend')
  @HttpCode(202)
  @ApiRoute({
    id: 'auth.resendVerification',
    summary: 'Send the verification email again (at most one a minute per address)',
    description: 'Always `202 {"accepted":true}`, whether or not the address has an account.',
    responses: { 202: rpcReply('auth.email.resend') },
    errors: ['RATE_LIMITED'],
  })
  resend(@Body() body: EmailDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.email.resend', { email: body.email, ctx });
  }

  @Public()
  @Post('password/forgot')
  @HttpCode(202)
  @ApiRoute({
    id: 'auth.forgotPassword',
    summary: 'Mail a password reset link (30 min); same answer for unknown addresses',
    description: 'Always `202 {"accepted":true}`, answered before the address is looked up.',
    responses: { 202: rpcReply('auth.password.forgot') },
    errors: ['RATE_LIMITED'],
  })
  forgot(@Body() body: EmailDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.password.forgot', { email: body.email, ctx });
  }

  @Public()
  @Post('password/reset')
  @HttpCode(200)
  @ApiRoute({
    id: 'auth.resetPassword',
    summary: 'Set a new password with the reset link token; signs out every session',
    responses: { 200: rpcReply('auth.password.reset') },
    errors: ['LINK_INVALID', 'WEAK_PASSWORD', 'RATE_LIMITED'],
  })
  reset(@Body() body: ResetPasswordDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.password.reset', { ...body, ctx });
  }

  @Public()
  @Post('magic-link')
  @HttpCode(202)
  @ApiRoute({
    id: 'auth.requestMagicLink',
    summary: 'Mail a sign-in link and 6-digit code (15 min)',
    description:
      'Always `202 {"accepted":true}`. With PASSWORDLESS_SIGNUP an unknown address gets a link that creates its account. ' +
      'Asked for while signed in anonymously (optional credentials), a link for an address without an account upgrades the trial account in place.',
    responses: { 202: rpcReply('auth.magicLink.request') },
    errors: ['RATE_LIMITED', 'UNAUTHENTICATED', 'TOKEN_INVALID', 'TOKEN_EXPIRED'],
  })
  async magicLink(@Body() body: EmailDto, @Client() ctx: ClientCtx, @Req() req: FastifyRequest) {
    // Credentials are optional here; when sent they must be valid (they say who is upgrading).
    const signedIn = req.headers.authorization || req.headers['x-api-key'];
    const caller = signedIn ? await this.modules.get(AuthGuard, { strict: false }).authenticate(req) : undefined;
    return this.rpc.call('auth.magicLink.request', { email: body.email, callerUserId: caller?.userId, ctx });
  }

  @Public()
  @Post('magic-link/verify')
  @HttpCode(200)
  @ApiRoute({
    id: 'auth.verifyMagicLink',
    summary: 'Sign in with the link token, or the email and code; returns a token pair',
    description:
      'Five wrong codes kill the code and its link. `created` is true when the sign-in made the account. With `set_cookie: true` (browsers) the refresh token is set as an HttpOnly cookie instead of returned, as for `login`.',
    responses: { 200: magicSignedIn },
    errors: ['LINK_INVALID', 'ACCOUNT_DISABLED', 'RATE_LIMITED'],
  })
  async magicLinkVerify(@Body() body: MagicLinkVerifyDto, @Client() ctx: ClientCtx, @Res({ passthrough: true }) reply: FastifyReply) {
    const { set_cookie, ...proof } = body;
    const pair = await this.rpc.call('auth.magicLink.verify', { ...proof, ctx });
    // Two-factor on: no session yet (POST /v1/auth/mfa/challenge opens it, with set_cookie too).
    if (!set_cookie || isMfaRequired(pair)) return pair;
    const { created, ...tokens } = pair;
    return { ...this.cookies.issue(reply, tokens), created };
  }

  @Post('email/change')
  @HttpCode(202)
  @Scopes('account:write')
  @ApiBearerAuth('bearer')
  @ApiSecurity('api-key')
  @ApiRoute({
    id: 'auth.changeEmail',
    summary: 'Ask to change your email: the new address must confirm, the old one is told',
    description: 'An address another account has gets the same 202 and no email.',
    responses: { 202: rpcReply('auth.email.change') },
    errors: ['WRONG_PASSWORD', 'RATE_LIMITED'],
  })
  changeEmail(@CurrentUser() me: Principal, @Body() body: ChangeEmailDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.email.change', { userId: me.userId, ...body, ctx });
  }

  @Public()
  @Post('email/change/confirm')
  @HttpCode(200)
  @ApiRoute({
    id: 'auth.confirmEmailChange',
    summary: 'Confirm an email change with the token mailed to the new address',
    responses: { 200: rpcReply('auth.email.confirmChange') },
    errors: ['LINK_INVALID', 'EMAIL_TAKEN', 'RATE_LIMITED'],
  })
  confirmChange(@Body() body: ConfirmEmailChangeDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.email.confirmChange', { token: body.token, ctx });
  }

  @Delete('me')
  @HttpCode(200)
  @Scopes('account:write')
  @ApiBearerAuth('bearer')
  @ApiSecurity('api-key')
  @ApiRoute({
    id: 'auth.deleteMe',
    summary: 'Delete your account and everything it owns (password, or a fresh magic-link sign-in)',
    description: 'Sessions and API keys stop at once; jobs, uploads, outputs and webhooks are deleted by their owners shortly after; the usage ledger is kept under the bare user id.',
    responses: { 200: rpcReply('auth.me.delete') },
    errors: ['WRONG_PASSWORD', 'REAUTH_REQUIRED'],
  })
  deleteMe(@CurrentUser() me: Principal, @Body() body: DeleteAccountDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.me.delete', { userId: me.userId, sessionId: me.sessionId, password: body?.password, ctx });
  }
}
