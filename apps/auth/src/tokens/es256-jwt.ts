import { sign, type KeyObject } from 'node:crypto';

/** The registered claims an access token carries besides its own (`sub`, `iss`, `aud`, `jti`). */
export interface Es256JwtOptions {
  kid: string;
  subject: string;
  issuer: string;
  audience: string;
  jwtid: string;
}

const b64url = (json: string) => Buffer.from(json, 'utf8').toString('base64url');

/**
 * A compact ES256 JWS of `payload`, byte for byte the header and payload jsonwebtoken (under
 * @nestjs/jwt, which the gateway verifies with) writes for the same call — header
 * `{alg, typ, kid}`, the payload's own claims in their order, then `aud`, `iss`, `sub`, `jti` —
 * and the signature in JOSE form (r || s, 64 bytes), as jwa's ES256 makes it. Signed with
 * `crypto.sign` in one call: jsonwebtoken's option checks and jws's sign stream were ~0.1 ms of
 * the auth app's CPU per sign-in, and dozens of functions V8 still had to compile mid-storm.
 * Keys are P-256 (SigningKeys only loads ES256 keys).
 */
export function signEs256Jwt(payload: Record<string, unknown>, key: KeyObject, o: Es256JwtOptions): string {
  const header = b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: o.kid }));
  const body = b64url(JSON.stringify({ ...payload, aud: o.audience, iss: o.issuer, sub: o.subject, jti: o.jwtid }));
  const input = `${header}.${body}`;
  const signature = sign('sha256', Buffer.from(input, 'utf8'), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}
