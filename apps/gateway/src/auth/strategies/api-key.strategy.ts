import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-strategy';
import { looksLikeApiKey } from '@clipyard/security';
import { ApiKeyAuthenticator } from '../api-key.authenticator';
import type { Principal } from '../principal';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The token of `Authorization: Bearer <token>`; undefined without the header; null when it is malformed. */
export function bearer(req: FastifyRequest): string | null | undefined {
  const authz = req.headers.authorization;
  if (typeof authz !== 'string') return undefined;
  return BEARER.exec(authz)?.[1] ?? null;
}

/** The API key a request presents (`X-API-Key`, or a bearer token that looks like one); undefined when it presents none. */
export function presentedApiKey(req: FastifyRequest): string | undefined {
  const headerKey = req.headers['x-api-key'];
  if (typeof headerKey === 'string' && headerKey) return headerKey.trim();
  const token = bearer(req);
  return typeof token === 'string' && looksLikeApiKey(token) ? token : undefined;
}

/**
 * API keys: `X-API-Key: cy_live_…`, or `Authorization: Bearer cy_live_…`. Checked against the
 * in-memory/Redis cache the auth app fills (see ApiKeyAuthenticator). Any other request is not
 * this strategy's (fail: passport tries the next one).
 *
 * A plain passport strategy rather than @nestjs/passport's PassportStrategy mixin: this is the
 * hottest path of the gateway, and the mixin awaits `validate` inside a callback on every call. A
 * key whose entry is in memory is decided synchronously (`success` or `error` before
 * `authenticate` returns); anything else waits for Redis or the auth app.
 */
@Injectable()
export class ApiKeyStrategy extends Strategy {
  readonly name = 'api-key';
  /** The name the gateway's passport knows this strategy by. */
  readonly strategyName = 'api-key';

  constructor(private readonly apiKeys: ApiKeyAuthenticator) {
    super();
  }

  /**
   * The strategy's decision: undefined when the request presents no API key (not this strategy's);
   * else the principal, the refusal thrown, or (the key's entry not in memory) a promise of either.
   */
  check(req: FastifyRequest): Principal | Promise<Principal> | undefined {
    const key = presentedApiKey(req);
    return key === undefined ? undefined : this.apiKeys.verify(key, req.ip);
  }

  /** passport's entry point (`this` is passport's per-request copy of the strategy; its types name Express' request, the gateway's is Fastify's). */
  override authenticate(request: unknown): void {
    let checked: Principal | Promise<Principal> | undefined;
    try {
      checked = this.check(request as FastifyRequest);
    } catch (err) {
      return this.error(err as Error);
    }
    if (checked === undefined) return this.fail(401);
    if (!(checked instanceof Promise)) return this.success(checked);
    checked.then(
      (principal) => this.success(principal),
      (err: unknown) => this.error(err as Error),
    );
  }
}
