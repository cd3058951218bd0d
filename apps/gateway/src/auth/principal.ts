import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';

export type Role = 'user' | 'admin';

/** Who is calling: set on the request by the gateway's AuthGuard. */
export interface Principal {
  userId: string;
  role: Role;
  /** How the caller authenticated. */
  via: 'jwt' | 'api_key';
  /** The session (refresh-token family) behind an access token. */
  sessionId?: string;
  /** The API key used, when via = api_key. */
  apiKeyId?: string;
  scopes: string[];
}

export const ROLES = 'clipyard:roles';
/** Restricts a route to the given roles (after authentication). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** Injects the authenticated caller. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});

export const SCOPES = 'clipyard:scopes';
/**
 * Scopes an API key needs for a route (e.g. `@Scopes('jobs:write')`). Keys created without scopes,
 * and access tokens, may do everything their owner may.
 */
export const Scopes = (...scopes: string[]) => SetMetadata(SCOPES, scopes);
