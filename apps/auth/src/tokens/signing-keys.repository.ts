import { Injectable } from '@nestjs/common';
import { Database, SigningKeyEntity, one, query, type Row, type Tx } from '@clipyard/database';

/** Advisory lock id serialising key creation across auth replicas. */
const KEY_LOCK = 1_732_000_101;

/** The `signing_keys` table (the service's own keys, no tenant data). */
@Injectable()
export class SigningKeysRepository {
  private readonly toKey: (row: Row) => SigningKeyEntity;

  constructor(private readonly db: Database) {
    this.toKey = db.records(SigningKeyEntity);
  }

  /** The active key and the keys retired less than `keepSeconds` ago, newest first. */
  async published(keepSeconds: number, tx: Tx = this.db.tx): Promise<SigningKeyEntity[]> {
    const rows = await query(tx, 'SELECT * FROM signing_keys WHERE retired_at IS NULL OR retired_at > now() - make_interval(secs => $1) ORDER BY created_at DESC', [
      keepSeconds,
    ]);
    return rows.map(this.toKey);
  }

  async active(tx: Tx = this.db.tx): Promise<SigningKeyEntity | null> {
    const row = await one(tx, 'SELECT * FROM signing_keys WHERE retired_at IS NULL LIMIT 1');
    return row ? this.toKey(row) : null;
  }

  async all(tx: Tx = this.db.tx): Promise<SigningKeyEntity[]> {
    return (await query(tx, 'SELECT * FROM signing_keys')).map(this.toKey);
  }

  /** Serialises key creation across replicas until `tx` ends. */
  async lockCreation(tx: Tx): Promise<void> {
    await query(tx, 'SELECT pg_advisory_xact_lock($1)', [KEY_LOCK]);
  }

  async retireActive(tx: Tx = this.db.tx): Promise<void> {
    await query(tx, 'UPDATE signing_keys SET retired_at = now() WHERE retired_at IS NULL');
  }

  /** `publicJwk` as exported by node:crypto (stored as jsonb). */
  async insert(k: Pick<SigningKeyEntity, 'kid' | 'alg' | 'privateKey'> & { publicJwk: object }, tx: Tx = this.db.tx): Promise<void> {
    await query(tx, 'INSERT INTO signing_keys (kid, alg, public_jwk, private_key) VALUES ($1, $2, $3, $4)', [k.kid, k.alg, JSON.stringify(k.publicJwk), k.privateKey]);
  }

  /** Re-seals a private key, only if it is still sealed as `previous` (another replica may have done it). */
  async reseal(kid: string, previous: string, privateKey: string, tx: Tx = this.db.tx): Promise<void> {
    await query(tx, 'UPDATE signing_keys SET private_key = $3 WHERE kid = $1 AND private_key = $2', [kid, previous, privateKey]);
  }
}
