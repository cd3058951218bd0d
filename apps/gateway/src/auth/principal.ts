import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { Scopes } from '@clipyard/observability';

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
  /** The API key's scopes as stored ([] = unscoped key, or an access token). */
  scopes: string[];
}

export const ROLES = 'clipyard:roles';
/** Restricts a route to the given roles (after authentication). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** Injects the authenticated caller. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});

export { SCOPES, Scopes } from '@clipyard/observability';

/** Admin routes: the admin role and, for an API key, the `admin` scope (never implied by an unscoped key). */
export const AdminOnly = () => applyDecorators(Roles('admin'), Scopes('admin'));
