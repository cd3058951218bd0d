import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOAuth2, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, isMfaRequired, mfaRequired, tokenPair } from '@clipyard/contracts';
import { Public } from '@clipyard/observability';
import { RpcClient } from '@clipyard/queue';
import { ChangePasswordDto, CheckEmailDto, LoginDto, RefreshDto, RegisterDto, TokenDto, UpdateMeDto } from './auth.dto';
import { Client, type ClientCtx } from './http-context';
import { CurrentUser, Scopes, type Principal } from './principal';
import { SessionCookies } from './session-cookies';
import { ApiRoute, rpcReply } from '../openapi/api-route.decorator';

/** What sign-in and refresh answer: the token pair, or (browser session, `set_cookie`) the pair without the refresh token, which went into an HttpOnly cookie. */
const signedIn = z.union([tokenPair, tokenPair.omit({ refresh_token: true }).extend({ csrf_token: z.string().describe('Send as X-CSRF-Token when refreshing from the cookie') })]);

/** The token endpoint's body as documented (the DTO validates it; RFC 6749 field names). */
const tokenForm = {
  type: 'object',
  required: ['grant_type'],
  properties: {
    grant_type: { type: 'string', enum: ['password', 'refresh_token', 'authorization_code'] },
    username: { type: 'string', description: 'Email or username (password grant)' },
    password: { type: 'string' },
    refresh_token: { type: 'string' },
    code: { type: 'string', description: 'authorization_code grant: the one-time code the sign-in callback put on redirect_uri (60 s, single use)' },
    code_verifier: { type: 'string', description: 'authorization_code grant: the PKCE verifier, when /authorize was given a code_challenge' },
    redirect_uri: { type: 'string', description: 'authorization_code grant: if sent, must be the redirect_uri the code was issued for' },
    scope: { type: 'string' },
    client_id: { type: 'string' },
    set_cookie: { type: 'boolean', description: 'Browsers: set the refresh token as the HttpOnly session cookie instead of returning it (as for `login`)' },
  },
};

const needsSession = () => new AppError('BAD_REQUEST', 'This needs an access token (a session), not an API key');

/** Sign-up, sign-in (JSON and OAuth2 form), refresh, sign-out, profile and password. */
@ApiTags('auth')
@ApiBearerAuth('bearer')
@ApiOAuth2([], 'oauth2')
@ApiSecurity('api-key')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly cookies: SessionCookies,
  ) {}

  @Public()
  @Post('register')
  @ApiRoute({
    id: 'auth.register',
    summary: 'Create an account (email + password)',
    responses: { 201: rpcReply('auth.register') },
    errors: ['EMAIL_TAKEN', 'USERNAME_TAKEN', 'WEAK_PASSWORD', 'RATE_LIMITED'],
  })
  register(@Body() body: RegisterDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.register', { ...body, ctx });
  }

  /** `set_cookie: true` (browsers): the refresh token goes into an HttpOnly cookie instead of the body. */
  @Public()
  @Post('login')
  @ApiRoute({
    id: 'auth.login',
    summary: 'Sign in with email or username and password → access + refresh token',
    description: 'With `set_cookie: true` (browsers) the refresh token is set as an HttpOnly cookie instead of returned. With two-factor on the answer is `{"mfa_required":true,"mfa_token":…}`: finish at `POST /v1/auth/mfa/challenge`.',
    responses: { 200: z.union([signedIn, mfaRequired]) },
    errors: ['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'ACCOUNT_DISABLED', 'RATE_LIMITED'],
  })
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Client() ctx: ClientCtx, @Res({ passthrough: true }) reply: FastifyReply) {
    const login = (body.email ?? body.username ?? body.login)!;
    const pair = await this.rpc.call('auth.login', { login, password: body.password, ctx });
    // Two-factor on: no session yet (POST /v1/auth/mfa/challenge opens it, with set_cookie too).
    return body.set_cookie && !isMfaRequired(pair) ? this.cookies.issue(reply, pair) : pair;
  }

  /** OAuth2 token endpoint: `password`, `refresh_token` and (social sign-in) `authorization_code` grants, form-encoded or JSON. */
  @Public()
  @Post('token')
  @ApiRoute({
    id: 'auth.token',
    summary: 'OAuth2 token endpoint: `password`, `refresh_token` and `authorization_code` (social sign-in) grants (form-encoded or JSON)',
    description:
      'With `set_cookie: true` (browsers, e.g. the dashboard finishing a social sign-in) the refresh token is set as the HttpOnly session cookie instead of returned, as for `login`. ' +
      'With two-factor on, the `password` and `authorization_code` grants answer `{"mfa_required":true,"mfa_token":…}`: finish at `POST /v1/auth/mfa/challenge`.',
    responses: { 200: z.union([signedIn, mfaRequired]) },
    errors: ['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'ACCOUNT_DISABLED', 'RATE_LIMITED', 'UNSUPPORTED_GRANT_TYPE', 'REFRESH_TOKEN_INVALID', 'REFRESH_TOKEN_REUSED', 'SESSION_REVOKED', 'OAUTH_CODE_INVALID'],
    body: { content: { 'application/x-www-form-urlencoded': tokenForm, 'application/json': tokenForm } },
  })
  @HttpCode(200)
  async token(@Body() body: TokenDto, @Client() ctx: ClientCtx, @Res({ passthrough: true }) reply: FastifyReply) {
    const answer = await this.grant(body, ctx);
    // Two-factor on: no session yet (POST /v1/auth/mfa/challenge opens it, with set_cookie too).
    const cookie = body.set_cookie === true || body.set_cookie === 'true';
    return cookie && !isMfaRequired(answer) ? this.cookies.issue(reply, answer) : answer;
  }

  private grant(body: TokenDto, ctx: ClientCtx) {
    if (body.grant_type === 'password') {
      if (!body.username || !body.password) throw new AppError('VALIDATION_FAILED', 'Invalid username, password', { issues: [{ path: 'username', message: 'username and password are required' }] });
      return this.rpc.call('auth.login', { login: body.username, password: body.password, ctx });
    }
    if (body.grant_type === 'refresh_token') {
      if (!body.refresh_token) throw new AppError('VALIDATION_FAILED', 'Invalid refresh_token', { issues: [{ path: 'refresh_token', message: 'required' }] });
      return this.rpc.call('auth.refresh', { refresh_token: body.refresh_token, ctx });
    }
    if (body.grant_type === 'authorization_code') {
      if (!body.code) throw new AppError('VALIDATION_FAILED', 'Invalid code', { issues: [{ path: 'code', message: 'required' }] });
      return this.rpc.call('auth.oauth.exchange', { code: body.code, codeVerifier: body.code_verifier, redirectUri: body.redirect_uri, ctx });
    }
    throw new AppError('UNSUPPORTED_GRANT_TYPE', 'grant_type must be password, refresh_token or authorization_code');
  }

  /**
   * With `refresh_token` in the body: a new pair in the body. Without it: the session cookie is
   * refreshed (CSRF-checked: X-CSRF-Token must carry the cy_csrf cookie's value) and rotated.
   */
  @Public()
  @Post('refresh')
  @ApiRoute({
    id: 'auth.refresh',
    summary: 'Exchange a refresh token for a new pair (the old one is spent; reuse revokes the session)',
    description: 'Without `refresh_token` in the body, the browser session cookie is refreshed (needs X-CSRF-Token) and rotated.',
    responses: { 200: signedIn },
    errors: ['REFRESH_TOKEN_INVALID', 'REFRESH_TOKEN_REUSED', 'SESSION_REVOKED', 'ACCOUNT_DISABLED', 'RATE_LIMITED', 'CSRF_FAILED'],
    headers: { 'X-CSRF-Token': { description: 'The cy_csrf cookie, when refreshing from the session cookie' } },
  })
  @HttpCode(200)
  async refresh(
    @Body() body: RefreshDto,
    @Client() ctx: ClientCtx,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (body.refresh_token) return this.rpc.call('auth.refresh', { refresh_token: body.refresh_token, ctx });
    const refreshToken = this.cookies.refreshToken(req);
    try {
      return this.cookies.issue(reply, await this.rpc.call('auth.refresh', { refresh_token: refreshToken, ctx }));
    } catch (e) {
      // A dead session's cookies are of no more use; an outage (503) keeps them for the next try.
      if (e instanceof AppError && e.httpStatus === 401) this.cookies.clear(reply);
      throw e;
    }
  }

  /** Ends this session; a browser's session cookies are cleared too. */
  @Post('logout')
  @ApiRoute({
    id: 'auth.logout',
    summary: 'Sign out this session',
    responses: { 204: null },
    errors: ['BAD_REQUEST'],
    auth: 'session',
  })
  @HttpCode(204)
  @Scopes('account:write')
  async logout(@CurrentUser() me: Principal, @Client() ctx: ClientCtx, @Res({ passthrough: true }) reply: FastifyReply) {
    if (!me.sessionId) throw needsSession();
    await this.rpc.call('auth.logout', { userId: me.userId, sessionId: me.sessionId, ctx });
    this.cookies.clear(reply);
  }

  @Post('logout-all')
  @ApiRoute({
    id: 'auth.logoutAll',
    summary: 'Sign out every session of your account',
    responses: { 200: rpcReply('auth.logoutAll') },
  })
  @HttpCode(200)
  @Scopes('account:write')
  logoutAll(@CurrentUser() me: Principal, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.logoutAll', { userId: me.userId, ctx });
  }

  /** Whether an email is free, for sign-up forms (rate limited per IP). */
  @Public()
  @Get('check-email')
  @ApiRoute({
    id: 'auth.checkEmail',
    summary: 'Whether an email is free, for sign-up forms (rate limited per IP)',
    responses: { 200: rpcReply('auth.checkEmail') },
    errors: ['RATE_LIMITED'],
  })
  checkEmail(@Query() q: CheckEmailDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.checkEmail', { email: q.email, ctx });
  }

  @Get('me')
  @ApiRoute({
    id: 'auth.getMe',
    summary: 'Your profile',
    responses: { 200: rpcReply('auth.me.get') },
  })
  @Scopes('account:read')
  me(@CurrentUser() me: Principal) {
    return this.rpc.call('auth.me.get', { userId: me.userId });
  }

  @Patch('me')
  @ApiRoute({
    id: 'auth.updateMe',
    summary: 'Change your name, timezone or avatar',
    responses: { 200: rpcReply('auth.me.update') },
    errors: ['URL_FORBIDDEN'],
  })
  @Scopes('account:write')
  updateMe(@CurrentUser() me: Principal, @Body() body: UpdateMeDto) {
    return this.rpc.call('auth.me.update', { userId: me.userId, ...body });
  }

  /** Changes the password; every other session is signed out. */
  @Post('password')
  @ApiRoute({
    id: 'auth.changePassword',
    summary: 'Change your password; every other session is signed out',
    responses: { 200: rpcReply('auth.password.change') },
    errors: ['WRONG_PASSWORD', 'WEAK_PASSWORD'],
  })
  @HttpCode(200)
  @Scopes('account:write')
  changePassword(@CurrentUser() me: Principal, @Body() body: ChangePasswordDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.password.change', { userId: me.userId, sessionId: me.sessionId, ...body, ctx });
  }
}
