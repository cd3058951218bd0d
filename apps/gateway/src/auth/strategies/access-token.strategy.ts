import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { AppError } from '@clipyard/contracts';
import { JwtVerifier } from '../jwt.verifier';
import type { Principal } from '../principal';
import { bearer } from './api-key.strategy';
import { GatewayStrategy } from './gateway-passport';

export const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="clipyard"' };

/**
 * Access tokens (`Authorization: Bearer <JWT>`), verified in process against the auth app's
 * cached public keys (JwtVerifier, @nestjs/jwt): no RPC per request. Runs after the API key
 * strategy, so a bearer API key never reaches it; a malformed Authorization header is a 401.
 */
@Injectable()
export class AccessTokenStrategy extends GatewayStrategy(Strategy, 'access-token') {
  constructor(private readonly jwt: JwtVerifier) {
    super();
  }

  validate(req: FastifyRequest): Promise<Principal> | null {
    const token = bearer(req);
    if (token === undefined) return null;
    if (token === null) throw new AppError('UNAUTHENTICATED', 'Authorization must be "Bearer <token or API key>"', undefined, undefined, CHALLENGE);
    return this.jwt.verify(token);
  }
}
