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
const expired = () => new AppError('TOKEN_EXPIRED', 'Access token has expired', undefined, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
const invalid = () => new AppError('TOKEN_INVALID', 'Access token is invalid', undefined, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });

/** The algorithms access tokens may carry: ES256 (signed by @nestjs/jwt), and EdDSA from before it until those tokens expire. */
type Alg = 'ES256' | 'EdDSA';
/** A usable public key, parsed once per JWKS fetch; `spki` compares key sets. */
type KeyEntry = { alg: Alg; key: KeyObject; spki: string };
class NoMatchingKey extends Error {}

/**
 * Tokens whose signature and claims have been checked, kept until they expire so that a client
 * polling with the same token pays for the ECDSA verification once, not on every request. Keyed by
 * the whole token string (a different string is verified afresh); bounded; emptied whenever the key
 * set changes, so a key withdrawn from the JWKS stops its tokens at once. Revocation and expiry are
 * checked on every hit.
 */
const VERIFIED_MAX = 10_000;
type Verified = { principal: Principal; expMs: number };

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
  private keys?: Map<string, KeyEntry>;
  private readonly verified = new Map<string, Verified>();
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
    const hit = this.verified.get(token);
    if (hit) return this.admit(hit);
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

  /** A token verified earlier: still unexpired, its session still signed in. */
  private admit(v: Verified): Principal {
    if (Date.now() >= v.expMs) throw expired();
    this.assertLive(v.principal.sessionId!);
    return { ...v.principal };
  }

  private assertLive(sessionId: string): void {
    if (this.revoked.isRevoked(sessionId)) {
      throw new AppError('SESSION_REVOKED', 'This session has been signed out', undefined, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
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
        ? // A KeyObject: jsonwebtoken takes one, @nestjs/jwt's option type only names strings and
          // Buffers (a PEM string would be parsed again on every call, 2.7x the cost of a verify).
          this.jwt.verify(token, { ...opts, publicKey: entry.key as unknown as Buffer, algorithms: ['ES256'] })
        : (await jwtVerify(token, entry.key, { ...opts, algorithms: ['EdDSA'] })).payload;
    const role = payload.role;
    if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number') throw invalid();
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || (role !== 'user' && role !== 'admin')) throw invalid();
    this.assertLive(payload.sid);
    const principal: Principal = { userId: payload.sub, role, via: 'jwt', sessionId: payload.sid, scopes: [] };
    if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, expMs: payload.exp * 1000 });
    return { ...principal };
  }

  private map(e: unknown): AppError {
    if (e instanceof AppError) return e;
    if (e instanceof TokenExpiredError || e instanceof joseErrors.JWTExpired) {
      return expired();
    }
    return invalid();
  }

  /** Refetches the key set (single flight). */
  async refresh(): Promise<void> {
    this.inflight ??= (async () => {
      try {
        const set: JSONWebKeySet = await this.rpc.call('auth.jwks', {});
        const keys = importKeys(set);
        if (!sameKeys(this.keys, keys)) this.verified.clear();
        this.keys = keys;
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

/** Whether two key sets hold the same kids with the same keys. */
function sameKeys(a: Map<string, KeyEntry> | undefined, b: Map<string, KeyEntry>): boolean {
  if (!a || a.size !== b.size) return false;
  for (const [kid, k] of b) if (a.get(kid)?.spki !== k.spki) return false;
  return true;
}

/** kid → public key, for the algorithms we accept (anything else in the set is ignored). */
function importKeys(set: JSONWebKeySet): Map<string, KeyEntry> {
  const out = new Map<string, KeyEntry>();
  for (const jwk of set.keys ?? []) {
    const alg = jwk.alg === 'ES256' && jwk.crv === 'P-256' ? 'ES256' : jwk.alg === 'EdDSA' && jwk.crv === 'Ed25519' ? 'EdDSA' : null;
    if (!alg || typeof jwk.kid !== 'string') continue;
    const { kid, alg: _a, use: _u, key_ops: _k, ...material } = jwk;
    const key = createPublicKey({ key: material as JsonWebKey, format: 'jwk' });
    out.set(kid, { alg, key, spki: key.export({ type: 'spki', format: 'der' }).toString('base64') });
  }
  return out;
}
