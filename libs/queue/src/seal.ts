import { createCipheriv, createDecipheriv, createHash, createSecretKey, randomFillSync, type KeyObject } from 'node:crypto';

/** IVs drawn from the CSPRNG this many at a time (one call instead of one per message). */
const IVS_PER_DRAW = 256;

/**
 * Seals RPC requests and replies with AES-256-GCM while they sit in Redis, so passwords, tokens
 * and key material carried by an RPC never rest there in clear. The key is derived from
 * RPC_SECRET, which every app of one deployment shares.
 */
export class Sealer {
  private readonly key: KeyObject;
  /** Random 96-bit IVs, each handed out once (GCM needs a fresh one per message). */
  private readonly ivs = Buffer.allocUnsafe(12 * IVS_PER_DRAW);
  private nextIv = IVS_PER_DRAW;

  constructor(secret: string) {
    // a KeyObject, so that each message's cipher does not copy and check the raw key again
    this.key = createSecretKey(createHash('sha256').update(`clipyard-rpc:${secret}`).digest());
  }

  seal(value: unknown): string {
    const iv = this.iv();
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open<T = unknown>(sealed: string): T {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    return JSON.parse(text) as T;
  }

  private iv(): Buffer {
    if (this.nextIv === IVS_PER_DRAW) {
      randomFillSync(this.ivs);
      this.nextIv = 0;
    }
    const at = 12 * this.nextIv++;
    return this.ivs.subarray(at, at + 12);
  }
}
