import { createHmac, timingSafeEqual } from 'node:crypto';

/** Where the gateway serves HMAC-signed local-storage downloads: `GET {path}/{token}?exp=&sig=`. */
export const LOCAL_SIGNED_PATH = '/v1/files';

export interface SignedTokenParts {
  token: string;
  exp: number;
  sig: string;
}

/**
 * HMAC-SHA256 signed download links for the local driver (S3 uses real presigned URLs). The token
 * is the base64url of `{key, name}`, so the route needs no lookup; the signature covers token and
 * expiry, so neither can be altered.
 */
export class LocalUrlSigner {
  constructor(
    private readonly secret: string,
    private readonly publicBaseUrl = 'http://localhost:3000',
    private readonly path = LOCAL_SIGNED_PATH,
    private readonly now: () => number = () => Date.now(),
  ) {}

  sign(key: string, expiresInS: number, downloadName?: string): SignedTokenParts {
    const token = Buffer.from(JSON.stringify(downloadName ? { k: key, n: downloadName } : { k: key })).toString('base64url');
    const exp = Math.floor(this.now() / 1000) + Math.max(1, Math.floor(expiresInS));
    return { token, exp, sig: this.mac(token, exp) };
  }

  url(key: string, expiresInS: number, downloadName?: string): string {
    const { token, exp, sig } = this.sign(key, expiresInS, downloadName);
    return `${this.publicBaseUrl.replace(/\/+$/, '')}${this.path}/${token}?exp=${exp}&sig=${sig}`;
  }

  /** The key (and download name) a link grants, or null when forged, altered or expired. */
  verify(token: string, exp: string | number, sig: string): { key: string; downloadName?: string } | null {
    const expN = typeof exp === 'number' ? exp : Number(exp);
    if (typeof token !== 'string' || typeof sig !== 'string' || !Number.isInteger(expN)) return null;
    if (expN * 1000 < this.now()) return null;
    // Only the exact canonical form: 64 lower-case hex digits (Buffer.from(hex) would stop at the
    // first non-hex character and accept trailing garbage or upper case) and a canonical exp.
    if (!/^[0-9a-f]{64}$/.test(sig) || String(expN) !== String(exp)) return null;
    const want = Buffer.from(this.mac(token, expN), 'utf8');
    const got = Buffer.from(sig, 'utf8');
    if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
    try {
      const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { k?: unknown; n?: unknown };
      if (typeof parsed.k !== 'string') return null;
      return { key: parsed.k, downloadName: typeof parsed.n === 'string' ? parsed.n : undefined };
    } catch {
      return null;
    }
  }

  private mac(token: string, exp: number): string {
    return createHmac('sha256', `clipyard-storage-url:${this.secret}`).update(`${token}.${exp}`).digest('hex');
  }
}
