import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { errors as joseErrors, jwtVerify, type JSONWebKeySet } from 'jose';
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

/** The algorithms access tokens may carry: ES256 (signed by @nestjs/jwt), and EdDSA from before it until those tokens expire. */
type Alg = 'ES256' | 'EdDSA';
class NoMatchingKey extends Error {}

/**
 * Verifies access tokens locally against the auth app's public keys (JWKS), which it fetches over
 * RPC once and then keeps in memory, refreshing every JWKS_REFRESH_S and early when a token names
 * a kid it has not seen. No RPC per request.
 *
 * ES256 tokens are verified with @nestjs/jwt. jsonwebtoken underneath knows no EdDSA, so the
 * EdDSA tokens issued before the switch are verified with jose while their key is still published
 * (the auth app keeps it in the JWKS until the last of them has expired). A token's `alg` must be
 * its key's: no algorithm confusion.
 */
@Injectable()
export class JwtVerifier implements OnApplicationShutdown {
  private jwks?: JSONWebKeySet;
  private keys?: Map<string, { alg: Alg; key: KeyObject }>;
  private fetchedAt = 0;
  private inflight?: Promise<void>;
  private readonly timer: NodeJS.Timeout;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly rpc: RpcClient,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly revoked: RevokedSessions,
    private readonly jwt: JwtService,
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
    if (!this.keys) await this.refresh();
    try {
      return await this.check(token);
    } catch (e) {
      if (e instanceof NoMatchingKey && Date.now() - this.fetchedAt > MIN_REFETCH_MS) {
        await this.refresh();
        return this.check(token).catch((err: unknown) => {
          throw this.map(err);
        });
      }
      throw this.map(e);
    }
  }

  private async check(token: string): Promise<Principal> {
    const header = decodeHeader(token);
    const entry = this.keys!.get(header.kid);
    if (!entry) throw new NoMatchingKey();
    if (header.alg !== entry.alg) throw invalid();
    const opts = { issuer: this.config.JWT_ISSUER, audience: this.config.JWT_AUDIENCE };
    const payload: Record<string, unknown> =
      entry.alg === 'ES256'
        ? // A KeyObject (parsed once per JWKS fetch): jsonwebtoken takes one, @nestjs/jwt's option type only names strings and Buffers.
          this.jwt.verify(token, { ...opts, publicKey: entry.key as unknown as Buffer, algorithms: ['ES256'] })
        : (await jwtVerify(token, entry.key, { ...opts, algorithms: ['EdDSA'] })).payload;
    const role = payload.role;
    if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number') throw invalid();
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || (role !== 'user' && role !== 'admin')) throw invalid();
    if (this.revoked.isRevoked(payload.sid)) {
      throw new AppError('SESSION_REVOKED', 'This session has been signed out', undefined, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    }
    return { userId: payload.sub, role, via: 'jwt', sessionId: payload.sid, scopes: [] };
  }

  private map(e: unknown): AppError {
    if (e instanceof AppError) return e;
    if (e instanceof TokenExpiredError || e instanceof joseErrors.JWTExpired) {
      return new AppError('TOKEN_EXPIRED', 'Access token has expired', undefined, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    }
    return invalid();
  }

  /** Refetches the key set (single flight). */
  async refresh(): Promise<void> {
    this.inflight ??= (async () => {
      try {
        const set = (await this.rpc.call('auth.jwks', {})) as unknown as JSONWebKeySet;
        this.keys = importKeys(set);
        this.jwks = set;
        this.fetchedAt = Date.now();
      } catch (err) {
        this.logger.warn({ err }, 'could not fetch the auth JWKS');
        if (!this.keys) throw err;
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

/** The header of a compact JWS (kid and alg), without trusting anything else in it. */
function decodeHeader(token: string): { kid: string; alg: string } {
  const dot = token.indexOf('.');
  if (dot < 1) throw invalid();
  let h: unknown;
  try {
    h = JSON.parse(Buffer.from(token.slice(0, dot), 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const { kid, alg } = (h ?? {}) as { kid?: unknown; alg?: unknown };
  if (typeof kid !== 'string' || typeof alg !== 'string') throw invalid();
  return { kid, alg };
}

/** kid → public key, for the algorithms we accept (anything else in the set is ignored). */
function importKeys(set: JSONWebKeySet): Map<string, { alg: Alg; key: KeyObject }> {
  const out = new Map<string, { alg: Alg; key: KeyObject }>();
  for (const jwk of set.keys ?? []) {
    const alg = jwk.alg === 'ES256' && jwk.crv === 'P-256' ? 'ES256' : jwk.alg === 'EdDSA' && jwk.crv === 'Ed25519' ? 'EdDSA' : null;
    if (!alg || typeof jwk.kid !== 'string') continue;
    const { kid, alg: _a, use: _u, key_ops: _k, ...material } = jwk;
    out.set(kid, { alg, key: createPublicKey({ key: material as JsonWebKey, format: 'jwk' }) });
  }
  return out;
}
