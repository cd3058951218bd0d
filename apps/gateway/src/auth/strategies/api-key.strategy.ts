import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { looksLikeApiKey } from '@clipyard/security';
import { ApiKeyAuthenticator } from '../api-key.authenticator';
import type { Principal } from '../principal';
import { GatewayStrategy } from './gateway-passport';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The token of `Authorization: Bearer <token>`; undefined without the header; null when it is malformed. */
export function bearer(req: FastifyRequest): string | null | undefined {
  const authz = req.headers.authorization;
  if (typeof authz !== 'string') return undefined;
  return BEARER.exec(authz)?.[1] ?? null;
}

/**
 * API keys: `X-API-Key: cy_live_…`, or `Authorization: Bearer cy_live_…`. Checked against the
 * in-memory/Redis cache the auth app fills (see ApiKeyAuthenticator). Any other request is not
 * this strategy's (null: passport tries the next one).
 */
@Injectable()
export class ApiKeyStrategy extends GatewayStrategy(Strategy, 'api-key') {
  constructor(private readonly apiKeys: ApiKeyAuthenticator) {
    super();
  }

  validate(req: FastifyRequest): Promise<Principal> | null {
    const headerKey = req.headers['x-api-key'];
    if (typeof headerKey === 'string' && headerKey) return this.apiKeys.authenticate(headerKey.trim(), req.ip);
    const token = bearer(req);
    return typeof token === 'string' && looksLikeApiKey(token) ? this.apiKeys.authenticate(token, req.ip) : null;
  }
}
