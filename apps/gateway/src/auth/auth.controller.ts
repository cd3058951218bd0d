import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOAuth2, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@clipyard/contracts';
import { Public } from '@clipyard/observability';
import { RpcClient } from '@clipyard/queue';
import { ChangePasswordDto, CheckEmailDto, LoginDto, RefreshDto, RegisterDto, TokenDto, UpdateMeDto } from './auth.dto';
import { Client, type ClientCtx } from './http-context';
import { CurrentUser, Scopes, type Principal } from './principal';
import { SessionCookies } from './session-cookies';

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
  register(@Body() body: RegisterDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.register', { ...body, ctx });
  }

  /** `set_cookie: true` (browsers): the refresh token goes into an HttpOnly cookie instead of the body. */
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Client() ctx: ClientCtx, @Res({ passthrough: true }) reply: FastifyReply) {
    const login = (body.email ?? body.username ?? body.login)!;
    const pair = await this.rpc.call('auth.login', { login, password: body.password, ctx });
    return body.set_cookie ? this.cookies.issue(reply, pair) : pair;
  }

  /** OAuth2 token endpoint: `password` and `refresh_token` grants, form-encoded or JSON. */
  @Public()
  @Post('token')
  @HttpCode(200)
  token(@Body() body: TokenDto, @Client() ctx: ClientCtx) {
    if (body.grant_type === 'password') {
      if (!body.username || !body.password) throw new AppError('VALIDATION_FAILED', 'Invalid username, password', { issues: [{ path: 'username', message: 'username and password are required' }] });
      return this.rpc.call('auth.login', { login: body.username, password: body.password, ctx });
    }
    if (body.grant_type === 'refresh_token') {
      if (!body.refresh_token) throw new AppError('VALIDATION_FAILED', 'Invalid refresh_token', { issues: [{ path: 'refresh_token', message: 'required' }] });
      return this.rpc.call('auth.refresh', { refresh_token: body.refresh_token, ctx });
    }
    throw new AppError('UNSUPPORTED_GRANT_TYPE', 'grant_type must be password or refresh_token');
  }

  /**
   * With `refresh_token` in the body: a new pair in the body. Without it: the session cookie is
   * refreshed (CSRF-checked: X-CSRF-Token must carry the cy_csrf cookie's value) and rotated.
   */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiHeader({ name: 'X-CSRF-Token', required: false, description: 'the cy_csrf cookie, when refreshing from the session cookie' })
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
  @HttpCode(204)
  async logout(@CurrentUser() me: Principal, @Client() ctx: ClientCtx, @Res({ passthrough: true }) reply: FastifyReply) {
    if (!me.sessionId) throw needsSession();
    await this.rpc.call('auth.logout', { userId: me.userId, sessionId: me.sessionId, ctx });
    this.cookies.clear(reply);
  }

  @Post('logout-all')
  @HttpCode(200)
  @Scopes('account:write')
  logoutAll(@CurrentUser() me: Principal, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.logoutAll', { userId: me.userId, ctx });
  }

  /** Whether an email is free, for sign-up forms (rate limited per IP). */
  @Public()
  @Get('check-email')
  checkEmail(@Query() q: CheckEmailDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.checkEmail', { email: q.email, ctx });
  }

  @Get('me')
  @Scopes('account:read')
  me(@CurrentUser() me: Principal) {
    return this.rpc.call('auth.me.get', { userId: me.userId });
  }

  @Patch('me')
  @Scopes('account:write')
  updateMe(@CurrentUser() me: Principal, @Body() body: UpdateMeDto) {
    return this.rpc.call('auth.me.update', { userId: me.userId, ...body });
  }

  /** Changes the password; every other session is signed out. */
  @Post('password')
  @HttpCode(200)
  @Scopes('account:write')
  changePassword(@CurrentUser() me: Principal, @Body() body: ChangePasswordDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.password.change', { userId: me.userId, sessionId: me.sessionId, ...body, ctx });
  }
}
