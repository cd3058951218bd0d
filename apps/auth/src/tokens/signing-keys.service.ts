import { createPrivateKey, generateKeyPairSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { RpcReply } from '@clipyard/contracts';
import { Database, type Tx } from '@clipyard/database';
import { KeyRing } from '@clipyard/security';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { SigningKeysRepository } from './signing-keys.repository';

/** ES256 (P-256): what jsonwebtoken (under @nestjs/jwt) signs. Keys of another alg (EdDSA before) are retired at load. */
export const JWT_ALG = 'ES256';
const RELOAD_MS = 60_000;
const aad = (kid: string) => `signing-key:${kid}`;

export interface AccessClaims {
  sub: string;
  sid: string;
  role: 'user' | 'admin';
  /** An anonymous (trial) user: the token says `is_anonymous: true` (absent otherwise). */
  anonymous?: boolean;
}

/**
 * ES256 access-token signing keys, kept in PostgreSQL (private half sealed with the master key)
 * so every auth replica signs with the same key; tokens are signed by @nestjs/jwt. A key older
 * than JWT_ROTATION_DAYS, or of an older algorithm (the EdDSA keys from before), is retired for a
 * new one; retired keys stay in the JWKS until their last token has expired, so nobody is signed out.
 */
@Injectable()
export class SigningKeys implements OnModuleInit {
  private readonly ring: KeyRing;
  private active?: { kid: string; key: KeyObject; createdAt: Date };
  private loadedAt = 0;

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly db: Database,
    private readonly keys: SigningKeysRepository,
    private readonly jwt: JwtService,
  ) {
    this.ring = new KeyRing(config.ENCRYPTION_KEYS);
  }

  async onModuleInit(): Promise<void> {
    await this.load();
  }

  /** Signs an access token (`ttlSeconds` overrides JWT_ACCESS_TTL_S; tests use it for expired tokens). */
  async sign(claims: AccessClaims, ttlSeconds = this.config.JWT_ACCESS_TTL_S): Promise<{ token: string; expiresIn: number }> {
    const active = await this.current();
    const ttl = ttlSeconds;
    const iat = Math.floor(Date.now() / 1000);
    // exp in the payload rather than expiresIn: tests sign already-expired tokens (negative ttl).
    const token = await this.jwt.signAsync(
      { sid: claims.sid, role: claims.role, ...(claims.anonymous ? { is_anonymous: true } : {}), iat, exp: iat + ttl },
      {
        algorithm: JWT_ALG,
        keyid: active.kid,
        privateKey: active.key,
        subject: claims.sub,
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        jwtid: randomBytes(12).toString('base64url'),
      },
    );
    return { token, expiresIn: ttl };
  }

  /** Public keys of the active key and of retired keys whose tokens may still be valid. */
  async jwks(): Promise<RpcReply<'auth.jwks'>> {
    const keep = this.config.JWT_ACCESS_TTL_S + 300;
    const rows = await this.keys.published(keep);
    return { keys: rows.map((r) => ({ ...r.publicJwk, kid: r.kid, alg: r.alg, use: 'sig' })) };
  }

  /** Makes a new signing key and retires the current one (REPL `rotateSigningKey()`, and on age). */
  async rotate(): Promise<string> {
    const kid = await this.db.transaction(async (tx) => {
      await this.keys.lockCreation(tx);
      await this.keys.retireActive(tx);
      return this.insertKey(tx);
    });
    await this.load();
    return kid;
  }

  /** Rereads the active key now (it is reread every minute anyway); an active key of an older algorithm is replaced. */
  async reload(): Promise<void> {
    await this.load();
  }

  /** Re-seals private keys under the newest master key; returns how many moved. */
  async reseal(): Promise<number> {
    let moved = 0;
    for (const row of await this.keys.all()) {
      if (!this.ring.isStale(row.privateKey)) continue;
      const plain = this.ring.open(row.privateKey, aad(row.kid));
      await this.keys.reseal(row.kid, row.privateKey, this.ring.seal(plain, aad(row.kid)));
      moved++;
    }
    return moved;
  }

  private async current() {
    const stale = Date.now() - this.loadedAt > RELOAD_MS;
    if (!this.active || stale) await this.load();
    const ageDays = (Date.now() - this.active!.createdAt.getTime()) / 86_400_000;
    if (ageDays > this.config.JWT_ROTATION_DAYS) await this.rotate();
    return this.active!;
  }

  private async load(): Promise<void> {
    let row = await this.keys.active();
    if (!row || row.alg !== JWT_ALG) {
      // No key yet, or the active one is of the algorithm we signed with before (EdDSA): under the
      // lock (another replica may be doing the same), retire it — it stays published until its
      // tokens have expired — and make an ES256 key.
      await this.db.transaction(async (tx) => {
        await this.keys.lockCreation(tx);
        const current = await this.keys.active(tx);
        if (current?.alg === JWT_ALG) return;
        if (current) await this.keys.retireActive(tx);
        await this.insertKey(tx);
      });
      row = await this.keys.active();
      if (!row) throw new Error('no active signing key after creating one');
    }
    const jwk = JSON.parse(this.ring.open(row.privateKey, aad(row.kid))) as JsonWebKey;
    this.active = { kid: row.kid, key: createPrivateKey({ key: jwk, format: 'jwk' }), createdAt: row.createdAt };
    this.loadedAt = Date.now();
  }

  private async insertKey(tx: Tx): Promise<string> {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    // `es…` kids are P-256 keys (the EdDSA ones were `k…`).
    const kid = `es${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
    const pub = publicKey.export({ format: 'jwk' });
    const priv = privateKey.export({ format: 'jwk' });
    await this.keys.insert({ kid, alg: JWT_ALG, publicJwk: pub, privateKey: this.ring.seal(JSON.stringify(priv), aad(kid)) }, tx);
    return kid;
  }
}
