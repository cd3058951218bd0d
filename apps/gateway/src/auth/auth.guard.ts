import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppError, effectiveScopes, type ApiKeyScope } from '@clipyard/contracts';
import { PUBLIC_ROUTE } from '@clipyard/observability';
import { RequestRateLimit } from './request-rate-limit';
import { ROLES, SCOPES, type Principal, type Role } from './principal';
import { CHALLENGE } from './strategies/access-token.strategy';
import { runStrategies } from './strategies/gateway-passport';
import { CREDENTIAL_STRATEGIES, GatewayPassport } from './strategies/gateway-passport.service';

/**
 * Global guard: every route needs credentials unless marked @Public(). The credentials are
 * checked by passport strategies (@nestjs/passport): `api-key` (`X-API-Key`, or
 * `Authorization: Bearer cy_live_…`, through the Redis cache the auth app fills) then
 * `access-token` (verified locally, JWKS cached in memory). Sets `request.principal`; enforces
 * the per-user request rate, @Roles() and @Scopes().
 *
 * Not @nestjs/passport's AuthGuard mixin: that one authenticates with passport's process-wide
 * instance, and this gateway has its own (see GatewayPassport).
 */
/** A route's handler or controller class, as Nest names them. */
type Target = ReturnType<ExecutionContext['getHandler']>;

/** What a route declares (@Public, @Roles, @Scopes): fixed once the app is built. */
export interface RouteAccess {
  cls: unknown;
  isPublic: boolean;
  roles: Role[] | undefined;
  scopes: ApiKeyScope[] | undefined;
}

/** The guard's decision for a request, kept on it (see AuthGuard.admit). */
const ADMISSION = Symbol('admission');
/** A decision: the principal, a refusal, or (credentials not in memory) the promise of either. */
interface Admission {
  access: RouteAccess;
  principal?: Principal;
  refused?: unknown;
  pending?: Promise<Principal>;
}
type AdmittedRequest = FastifyRequest & { principal?: Principal; [ADMISSION]?: Admission };

@Injectable()
export class AuthGuard implements CanActivate {
  /** By handler: read from the decorators' metadata once, not three lookups per request. */
  private readonly access = new WeakMap<object, RouteAccess>();

  constructor(
    private readonly reflector: Reflector,
    private readonly passport: GatewayPassport,
    private readonly rateLimit: RequestRateLimit,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const access = this.accessOf(ctx.getHandler(), ctx.getClass());
    if (access.isPublic) return true;
    await this.admit(ctx.switchToHttp().getRequest<FastifyRequest>(), access);
    return true;
  }

  /**
   * What a route declares (@Public, @Roles, @Scopes), read once per handler; for {@link admit}
   * from outside Nest's pipeline (the poll fast path), given the Nest route's own handler.
   */
  routeAccess(handler: Target, cls: Target): RouteAccess {
    return this.accessOf(handler, cls);
  }

  /**
   * The guard's whole decision for one non-public route: credentials, the per-user request rate,
   * @Roles and @Scopes; sets `request.principal`. Decided once per request: a caller outside Nest's
   * pipeline (the poll fast path) that hands the request on to Nest gets the same outcome from the
   * guard, without authenticating again or taking a second rate-limit point.
   */
  admit(req: FastifyRequest, access: RouteAccess): Promise<Principal> {
    try {
      const outcome = this.admission(req, access);
      return outcome instanceof Promise ? outcome : Promise.resolve(outcome);
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  /**
   * {@link admit} without a promise when the decision needs none (an API key in memory): the
   * principal, or the refusal thrown; a promise only while the credentials are being looked up.
   */
  admission(req: FastifyRequest, access: RouteAccess): Principal | Promise<Principal> {
    const r = req as AdmittedRequest;
    const known = r[ADMISSION];
    if (known && known.access === access) {
      if (known.principal) return known.principal;
      if (known.pending) return known.pending;
      throw known.refused;
    }
    const decision: Admission = { access };
    r[ADMISSION] = decision;
    let outcome: Principal | Promise<Principal>;
    try {
      outcome = this.decide(r, access);
    } catch (err) {
      decision.refused = err;
      throw err;
    }
    if (outcome instanceof Promise) decision.pending = outcome;
    else decision.principal = outcome;
    return outcome;
  }

  private decide(req: AdmittedRequest, access: RouteAccess): Principal | Promise<Principal> {
    const credentials = this.credentials(req);
    return credentials instanceof Promise ? credentials.then((principal) => this.allow(req, access, principal)) : this.allow(req, access, credentials);
  }

  /** The checks after authentication: the per-user request rate, @Roles and @Scopes (throws a refusal). */
  private allow(req: AdmittedRequest, { roles, scopes }: RouteAccess, principal: Principal): Principal {
    this.rateLimit.take(principal.userId);
    if (roles?.length && !roles.includes(principal.role)) {
      throw new AppError('INSUFFICIENT_ROLE', `This route needs the ${roles.join(' or ')} role`);
    }
    // Deny by default: a route without @Scopes() cannot boot; should one slip through, nobody passes.
    if (!scopes?.length) throw new AppError('INSUFFICIENT_SCOPE', 'This route declares no scope');
    const missing = missingScopes(principal, scopes);
    if (missing.length) throw new AppError('INSUFFICIENT_SCOPE', `This API key lacks the scope ${missing.join(', ')}`, { missing });
    req.principal = principal;
    return principal;
  }

  private accessOf(handler: Target, cls: Target): RouteAccess {
    const known = this.access.get(handler);
    if (known && known.cls === cls) return known;
    const targets = [handler, cls];
    const access: RouteAccess = {
      cls,
      isPublic: !!this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets),
      roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets),
      scopes: this.reflector.getAllAndOverride<ApiKeyScope[] | undefined>(SCOPES, targets),
    };
    this.access.set(handler, access);
    return access;
  }

  /** The credential check alone (API key or access token → Principal, or an AppError): reusable by non-Nest routes. */
  authenticate(req: FastifyRequest): Promise<Principal> {
    try {
      return Promise.resolve(this.credentials(req));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  /** The credential check, synchronous when the strategies were (an API key already in memory). */
  private credentials(req: FastifyRequest): Principal | Promise<Principal> {
    // Every credential goes through passport's strategies (the api-key one first, decided
    // synchronously while the key is in memory): one way in, no path that skips them.
    const user = runStrategies<Principal>(this.passport.passport, CREDENTIAL_STRATEGIES, req);
    return user instanceof Promise ? user.then(orUnauthenticated) : orUnauthenticated(user);
  }
}

function orUnauthenticated(principal: Principal | false): Principal {
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Missing credentials: send X-API-Key or Authorization: Bearer', undefined, undefined, CHALLENGE);
  return principal;
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
