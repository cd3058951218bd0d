import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type KeyLike } from 'jose';
import type { DataSource } from 'typeorm';
import { SigningKeyEntity } from '@clipyard/database';
import { KeyRing } from '@clipyard/security';
import { AUTH_CONFIG, type AuthConfig } from '../config';

export const JWT_ALG = 'EdDSA';
const RELOAD_MS = 60_000;
/** Advisory lock id serialising key creation across auth replicas. */
const KEY_LOCK = 1_732_000_101;
const aad = (kid: string) => `signing-key:${kid}`;

export interface AccessClaims {
  sub: string;
  sid: string;
  role: 'user' | 'admin';
  /** An anonymous (trial) user: the token says `is_anonymous: true` (absent otherwise). */
  anonymous?: boolean;
}

/**
 * Ed25519 access-token signing keys, kept in PostgreSQL (private half sealed with the master
 * key) so every auth replica signs with the same key. A key older than JWT_ROTATION_DAYS is
 * retired for a new one; retired keys stay in the JWKS until their last token has expired.
 */
@Injectable()
export class SigningKeys implements OnModuleInit {
  private readonly ring: KeyRing;
  private active?: { kid: string; key: KeyLike | Uint8Array; createdAt: Date };
  private loadedAt = 0;

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @InjectDataSource() private readonly ds: DataSource,
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
    const token = await new SignJWT({ sid: claims.sid, role: claims.role, ...(claims.anonymous ? { is_anonymous: true } : {}) })
      .setProtectedHeader({ alg: JWT_ALG, kid: active.kid, typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(this.config.JWT_ISSUER)
      .setAudience(this.config.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttl)
      .setJti(randomBytes(12).toString('base64url'))
      .sign(active.key);
    return { token, expiresIn: ttl };
  }

  /** Public keys of the active key and of retired keys whose tokens may still be valid. */
  async jwks(): Promise<{ keys: Record<string, unknown>[] }> {
    const keep = this.config.JWT_ACCESS_TTL_S + 300;
    const rows = await this.ds
      .getRepository(SigningKeyEntity)
      .createQueryBuilder('k')
      .where(`k.retired_at IS NULL OR k.retired_at > now() - make_interval(secs => :keep)`, { keep })
      .orderBy('k.created_at', 'DESC')
      .getMany();
    return { keys: rows.map((r) => ({ ...r.publicJwk, kid: r.kid, alg: r.alg, use: 'sig' })) };
  }

  /** Makes a new signing key and retires the current one (REPL `rotateSigningKey()`, and on age). */
  async rotate(): Promise<string> {
    const kid = await this.ds.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [KEY_LOCK]);
      await m.query('UPDATE signing_keys SET retired_at = now() WHERE retired_at IS NULL');
      return this.insertKey(m.getRepository(SigningKeyEntity));
    });
    await this.load();
    return kid;
  }

  /** Re-seals private keys under the newest master key; returns how many moved. */
  async reseal(): Promise<number> {
    const repo = this.ds.getRepository(SigningKeyEntity);
    let moved = 0;
    for (const row of await repo.find()) {
      if (!this.ring.isStale(row.privateKey)) continue;
      const plain = this.ring.open(row.privateKey, aad(row.kid));
      await repo.update({ kid: row.kid, privateKey: row.privateKey }, { privateKey: this.ring.seal(plain, aad(row.kid)) });
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
    const repo = this.ds.getRepository(SigningKeyEntity);
    let row = await repo.createQueryBuilder('k').where('k.retired_at IS NULL').getOne();
    if (!row) {
      await this.ds.transaction(async (m) => {
        await m.query('SELECT pg_advisory_xact_lock($1)', [KEY_LOCK]);
        const r = m.getRepository(SigningKeyEntity);
        if (!(await r.createQueryBuilder('k').where('k.retired_at IS NULL').getExists())) await this.insertKey(r);
      });
      row = await repo.createQueryBuilder('k').where('k.retired_at IS NULL').getOneOrFail();
    }
    const jwk = JSON.parse(this.ring.open(row.privateKey, aad(row.kid))) as JWK;
    this.active = { kid: row.kid, key: await importJWK(jwk, row.alg), createdAt: row.createdAt };
    this.loadedAt = Date.now();
  }

  private async insertKey(repo: ReturnType<DataSource['getRepository']>): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair(JWT_ALG, { crv: 'Ed25519', extractable: true });
    const kid = `k${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
    const pub = await exportJWK(publicKey);
    const priv = await exportJWK(privateKey);
    await repo.insert({ kid, alg: JWT_ALG, publicJwk: pub, privateKey: this.ring.seal(JSON.stringify(priv), aad(kid)) });
    return kid;
  }
}
