import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import type { Logger } from 'pino';
import { AppError } from '@clipyard/contracts';
import { ROOT_LOGGER } from '@clipyard/observability';
import { RpcClient } from '@clipyard/queue';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import type { Principal } from './principal';
import { RevokedSessions } from './revoked-sessions';

/** An unknown kid may trigger a refetch at most this often, so junk tokens cannot flood the auth app. */
const MIN_REFETCH_MS = 1_000;
const invalid = () => new AppError('TOKEN_INVALID', 'Access token is invalid', undefined, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });

/**
 * Verifies access tokens locally against the auth app's public keys (JWKS), which it fetches over
 * RPC once and then keeps in memory, refreshing every JWKS_REFRESH_S and early when a token names
 * a kid it has not seen. No RPC per request.
 */
@Injectable()
export class JwtVerifier implements OnApplicationShutdown {
  private jwks?: JSONWebKeySet;
  private getKey?: JWTVerifyGetKey;
  private fetchedAt = 0;
  private inflight?: Promise<void>;
  private readonly timer: NodeJS.Timeout;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly rpc: RpcClient,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly revoked: RevokedSessions,
  ) {
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), config.JWKS_REFRESH_S * 1000);
    this.timer.unref();
  }

  /** The cached key set (served at /.well-known/jwks.json). */
  async keySet(): Promise<JSONWebKeySet> {
    if (!this.jwks) await this.refresh();
    return this.jwks!;
  }

  async verify(token: string): Promise<Principal> {
    if (!this.getKey) await this.refresh();
    try {
      return await this.check(token);
    } catch (e) {
      if (e instanceof errors.JWKSNoMatchingKey && Date.now() - this.fetchedAt > MIN_REFETCH_MS) {
        await this.refresh();
        return this.check(token).catch((err: unknown) => {
          throw this.map(err);
        });
      }
      throw this.map(e);
    }
  }

  private async check(token: string): Promise<Principal> {
    const { payload } = await jwtVerify(token, this.getKey!, {
      algorithms: ['EdDSA'],
      issuer: this.config.JWT_ISSUER,
      audience: this.config.JWT_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const role = payload.role;
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || (role !== 'user' && role !== 'admin')) throw invalid();
    if (this.revoked.isRevoked(payload.sid)) {
      throw new AppError('SESSION_REVOKED', 'This session has been signed out', undefined, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    }
    return { userId: payload.sub, role, via: 'jwt', sessionId: payload.sid, scopes: [] };
  }

  private map(e: unknown): AppError {
    if (e instanceof AppError) return e;
    if (e instanceof errors.JWTExpired) {
      return new AppError('TOKEN_EXPIRED', 'Access token has expired', undefined, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    }
    return invalid();
  }

  /** Refetches the key set (single flight). */
  async refresh(): Promise<void> {
    this.inflight ??= (async () => {
      try {
        const set = (await this.rpc.call('auth.jwks', {})) as unknown as JSONWebKeySet;
        this.jwks = set;
        this.getKey = createLocalJWKSet(set);
        this.fetchedAt = Date.now();
      } catch (err) {
        this.logger.warn({ err }, 'could not fetch the auth JWKS');
        if (!this.getKey) throw err;
      } finally {
        this.inflight = undefined;
      }
    })();
    return this.inflight;
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
