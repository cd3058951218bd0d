/**
 * The gateway's auth guard as it was before passport and @nestjs/jwt (hand-written header
 * dispatch, EdDSA access tokens verified with jose against a local JWKS), kept only so that
 * `npm run bench -- auth-guard` can run the old and the new guard side by side in one run.
 */
import type { FastifyRequest } from 'fastify';
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { AppError } from '@clipyard/contracts';
import { looksLikeApiKey } from '@clipyard/security';
import type { ApiKeyAuthenticator } from '../../apps/gateway/src/auth/api-key.authenticator';
import type { Principal } from '../../apps/gateway/src/auth/principal';
import type { RevokedSessions } from '../../apps/gateway/src/auth/revoked-sessions';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="clipyard"' };
const invalid = () => new AppError('TOKEN_INVALID', 'Access token is invalid', undefined, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });

export class LegacyJwtVerifier {
  private readonly getKey: JWTVerifyGetKey;
  constructor(
    set: JSONWebKeySet,
    private readonly opts: { issuer: string; audience: string },
    private readonly revoked: RevokedSessions,
  ) {
    this.getKey = createLocalJWKSet(set);
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.getKey, {
        algorithms: ['EdDSA'],
        issuer: this.opts.issuer,
        audience: this.opts.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const role = payload.role;
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || (role !== 'user' && role !== 'admin')) throw invalid();
      if (this.revoked.isRevoked(payload.sid)) throw new AppError('SESSION_REVOKED', 'This session has been signed out');
      return { userId: payload.sub, role, via: 'jwt', sessionId: payload.sid, scopes: [] };
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (e instanceof errors.JWTExpired) throw new AppError('TOKEN_EXPIRED', 'Access token has expired');
      throw invalid();
    }
  }
}

/** The old `AuthGuard.authenticate` (the credential check the bench times). */
export class LegacyAuthGuard {
  constructor(
    private readonly jwt: LegacyJwtVerifier,
    private readonly apiKeys: ApiKeyAuthenticator,
  ) {}

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
