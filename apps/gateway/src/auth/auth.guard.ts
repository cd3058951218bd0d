import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '@clipyard/contracts';
import { PUBLIC_ROUTE } from '@clipyard/observability';

/**
 * Global guard: every route needs credentials unless marked @Public(). Verifies access tokens
 * locally (JWKS) and API keys through the Redis cache the auth app fills. (Implemented by the
 * auth issue; until then only public routes pass.)
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [ctx.getHandler(), ctx.getClass()]);
    if (isPublic) return true;
    throw new AppError('UNAUTHENTICATED', 'Missing or invalid credentials');
  }
}
