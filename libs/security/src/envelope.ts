import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM envelope encryption with versioned master keys. A sealed value reads
 * `v<version>.<iv>.<tag>.<ciphertext>` (base64url parts). The associated data binds a value to
 * its owner (e.g. user id + provider), so a row copied elsewhere does not decrypt.
 */
export class EncryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncryptionError';
  }
}

export interface MasterKey {
  version: number;
  key: Buffer;
}

/**
 * Parses `ENCRYPTION_KEYS`: a comma-separated list of `<version>:<base64 32-byte key>`; the highest
 * version encrypts, every listed version decrypts.
 */
export function parseMasterKeys(spec: string): MasterKey[] {
  const keys = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const m = /^v?(\d+):(.+)$/.exec(entry);
      if (!m) throw new EncryptionError('each entry must be <version>:<base64 key>');
      const key = Buffer.from(m[2], 'base64');
      if (key.length !== 32) throw new EncryptionError(`key version ${m[1]} must be 32 bytes of base64`);
      return { version: Number(m[1]), key };
    });
  if (!keys.length) throw new EncryptionError('at least one key is required');
  if (new Set(keys.map((k) => k.version)).size !== keys.length) throw new EncryptionError('versions must be unique');
  return keys.sort((a, b) => b.version - a.version);
}

export class KeyRing {
  private readonly byVersion = new Map<number, Buffer>();
  readonly current: number;

  constructor(keys: MasterKey[] | string) {
    const list = typeof keys === 'string' ? parseMasterKeys(keys) : [...keys].sort((a, b) => b.version - a.version);
    for (const k of list) this.byVersion.set(k.version, k.key);
    this.current = list[0].version;
  }

  seal(plaintext: string | Buffer, aad: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.byVersion.get(this.current)!, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return [`v${this.current}`, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  open(sealed: string, aad: string): string {
    return this.openBuffer(sealed, aad).toString('utf8');
  }

  openBuffer(sealed: string, aad: string): Buffer {
    const parts = sealed.split('.');
    const version = versionOf(sealed);
    const key = this.byVersion.get(version);
    if (!key) throw new EncryptionError(`no master key for version ${version}`);
    if (parts.length !== 4) throw new EncryptionError('malformed envelope');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts[1], 'base64url'));
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(Buffer.from(parts[2], 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(parts[3], 'base64url')), decipher.final()]);
    } catch {
      throw new EncryptionError('envelope does not decrypt (wrong key, owner or tampered)');
    }
  }

  /** True when `sealed` is not under the newest key (the rotation command re-seals it). */
  isStale(sealed: string): boolean {
    return versionOf(sealed) !== this.current;
  }
}

/** Version number of a sealed value. */
export function versionOf(sealed: string): number {
  const m = /^v(\d+)\./.exec(sealed);
  if (!m) throw new EncryptionError('malformed envelope');
  return Number(m[1]);
}

/** Associated data for a provider key: the same string must be used to seal and to open. */
export const providerKeyAad = (userId: string, provider: string) => `provider-key:${userId}:${provider}`;
