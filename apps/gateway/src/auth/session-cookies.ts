import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { parse, serialize, type SerializeOptions } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type TokenPair } from '@clipyard/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

/** The refresh token: HttpOnly, sent only to the refresh route. */
export const REFRESH_COOKIE = 'cy_refresh';
/** The CSRF token the page echoes in `X-CSRF-Token` when it refreshes (readable by the page, so not HttpOnly). */
export const CSRF_COOKIE = 'cy_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const REFRESH_PATH = '/v1/auth/refresh';

/** A token pair as a cookie session hands it to the page: no refresh token, the CSRF token instead. */
export type CookieSession = Omit<TokenPair, 'refresh_token'> & { csrf_token: string };

/**
 * Browser sessions (the dashboard): the refresh token lives in an `HttpOnly; Secure;
 * SameSite=Strict` cookie scoped to the refresh path, so page scripts never see it. Refreshing from
 * the cookie needs the CSRF token (bound to the refresh token: a hash of it) in a header, and a
 * same-origin request (Origin / Sec-Fetch-Site), so another site cannot make the browser use it.
 */
@Injectable()
export class SessionCookies {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  /** Sets both cookies for a fresh or rotated pair and returns what the page may see. */
  issue(reply: FastifyReply, pair: TokenPair): CookieSession {
    const { refresh_token, ...rest } = pair;
    const csrf = csrfFor(refresh_token);
    const maxAge = this.config.SESSION_COOKIE_MAX_AGE_S;
    reply.header('set-cookie', [
      serialize(REFRESH_COOKIE, refresh_token, this.options(REFRESH_PATH, maxAge, true)),
      serialize(CSRF_COOKIE, csrf, this.options('/', maxAge, false)),
    ]);
    reply.header('cache-control', 'no-store');
    return { ...rest, csrf_token: csrf };
  }

  /** Expires both cookies (sign-out, or a refresh that failed). */
  clear(reply: FastifyReply): void {
    reply.header('set-cookie', [
      serialize(REFRESH_COOKIE, '', this.options(REFRESH_PATH, 0, true)),
      serialize(CSRF_COOKIE, '', this.options('/', 0, false)),
    ]);
  }

  /** The refresh token from the cookie, after the CSRF and same-origin checks; throws a coded 4xx. */
  refreshToken(req: FastifyRequest): string {
    const cookies = parse(req.headers.cookie ?? '');
    const token = cookies[REFRESH_COOKIE];
    if (!token) throw new AppError('REFRESH_TOKEN_INVALID', 'No refresh_token in the body and no session cookie');
    const site = req.headers['sec-fetch-site'];
    if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
      throw new AppError('CSRF_FAILED', 'A session cookie can only be refreshed from the same origin');
    }
    const origin = req.headers.origin;
    if (typeof origin === 'string' && origin !== 'null' && !this.sameOrigin(req, origin)) {
      throw new AppError('CSRF_FAILED', 'A session cookie can only be refreshed from the same origin');
    }
    const header = req.headers[CSRF_HEADER];
    const expected = Buffer.from(csrfFor(token));
    const given = Buffer.from(typeof header === 'string' ? header : '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AppError('CSRF_FAILED', `Refreshing from the session cookie needs the ${CSRF_COOKIE} cookie's value in X-CSRF-Token`);
    }
    return token;
  }

  private sameOrigin(req: FastifyRequest, origin: string): boolean {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return false;
    }
    if (host === req.headers.host) return true;
    try {
      return host === new URL(this.config.PUBLIC_BASE_URL).host;
    } catch {
      return false;
    }
  }

  private options(path: string, maxAge: number, httpOnly: boolean): SerializeOptions {
    return { path, maxAge, httpOnly, secure: this.config.SESSION_COOKIE_SECURE, sameSite: 'strict' };
  }
}

/** The CSRF token is bound to the refresh token, so a token planted by another origin does not match. */
function csrfFor(refreshToken: string): string {
  return createHash('sha256').update(`clipyard-csrf\0${refreshToken}`).digest('base64url');
}
