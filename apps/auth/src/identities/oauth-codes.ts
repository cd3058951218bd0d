import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthRedis } from '../common/redis.provider';

const TTL_S = 60;
const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

export interface CodeGrant {
  userId: string;
  provider: string;
  redirectUri: string;
  /** The client's PKCE S256 challenge, when it sent one to /authorize. */
  codeChallenge: string | null;
}

/**
 * One-time sign-in codes (`oc_…`, 60 s, single use) that the callback hands the client through
 * its redirect_uri in exchange for nothing but a token pair later. Redis holds the code's SHA-256
 * only; GETDEL makes the first exchange the only one, right or wrong.
 */
@Injectable()
export class OAuthCodes {
  constructor(private readonly redis: AuthRedis) {}

  async issue(grant: CodeGrant): Promise<string> {
    const code = `oc_${randomBytes(32).toString('base64url')}`;
    await this.redis.client.set(this.redis.key('auth', 'oauth-code', sha256(code)), JSON.stringify(grant), 'EX', TTL_S);
    return code;
  }

  /** Spends the code; null when it is unknown, expired or already spent. */
  async consume(code: string): Promise<CodeGrant | null> {
    if (!/^oc_[A-Za-z0-9_-]{43}$/.test(code)) return null;
    const raw = await this.redis.client.getdel(this.redis.key('auth', 'oauth-code', sha256(code)));
    return raw ? (JSON.parse(raw) as CodeGrant) : null;
  }
}

/** RFC 7636 S256: BASE64URL(SHA256(verifier)) equals the challenge (constant time). */
export function pkceMatches(challenge: string, verifier: string | undefined): boolean {
  if (!verifier || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  const a = Buffer.from(sha256(verifier));
  const b = Buffer.from(challenge);
  return a.length === b.length && timingSafeEqual(a, b);
}
