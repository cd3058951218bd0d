import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppError, effectiveScopes, type ApiKeyScope } from '@clipyard/contracts';
import { PUBLIC_ROUTE } from '@clipyard/observability';
import { looksLikeApiKey } from '@clipyard/security';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { JwtVerifier } from './jwt.verifier';
import { RequestRateLimit } from './request-rate-limit';
import { ROLES, SCOPES, type Principal, type Role } from './principal';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="clipyard"' };

/**
 * Global guard: every route needs credentials unless marked @Public(). Access tokens are verified
 * locally (JWKS cached in memory); API keys (`X-API-Key`, or `Authorization: Bearer cy_live_…`)
 * through the Redis cache the auth app fills. Sets `request.principal`; enforces the per-user
 * request rate, @Roles() and @Scopes().
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtVerifier,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly rateLimit: RequestRateLimit,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const principal = await this.authenticate(req);
    await this.rateLimit.take(principal.userId);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles?.length && !roles.includes(principal.role)) {
      throw new AppError('INSUFFICIENT_ROLE', `This route needs the ${roles.join(' or ')} role`);
    }
    // Deny by default: a route without @Scopes() cannot boot; should one slip through, nobody passes.
    const scopes = this.reflector.getAllAndOverride<ApiKeyScope[] | undefined>(SCOPES, targets);
    if (!scopes?.length) throw new AppError('INSUFFICIENT_SCOPE', 'This route declares no scope');
    const missing = missingScopes(principal, scopes);
    if (missing.length) throw new AppError('INSUFFICIENT_SCOPE', `This API key lacks the scope ${missing.join(', ')}`, { missing });
    req.principal = principal;
    return true;
  }

  /** The credential check alone (API key or access token → Principal, or an AppError): reusable by non-Nest routes. */
  async authenticate(req: FastifyRequest): Promise<Principal> {
    const headerKey = req.headers['x-api-key'];
    if (typeof headerKey === 'string' && headerKey) return this.apiKeys.authenticate(headerKey.trim(), req.ip);
    const authz = req.headers.authorization;
    if (typeof authz === 'string') {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(authz);
      if (!m) throw new AppError('UNAUTHENTICATED', 'Authorization must be "Bearer <token or API key>"', undefined, undefined, CHALLENGE);
      return looksLikeApiKey(m[1]) ? this.apiKeys.authenticate(m[1], req.ip) : this.jwt.verify(m[1]);
    }
    throw new AppError('UNAUTHENTICATED', 'Missing credentials: send X-API-Key or Authorization: Bearer', undefined, undefined, CHALLENGE);
  }
}

/**
 * The scopes of `needed` the caller lacks. Access tokens are limited by role only; an API key by
 * its scopes, where an unscoped key has every scope but `admin`.
 */
export function missingScopes(principal: Pick<Principal, 'via' | 'scopes'>, needed: readonly ApiKeyScope[]): ApiKeyScope[] {
  if (principal.via !== 'api_key') return [];
  const has = effectiveScopes(principal.scopes);
  return needed.filter((s) => !has.includes(s));
}
