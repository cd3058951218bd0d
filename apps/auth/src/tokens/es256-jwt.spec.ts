import { generateKeyPairSync } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { signEs256Jwt } from './es256-jwt';

describe('signEs256Jwt (access tokens)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  // what the gateway verifies with (JwtVerifier: @nestjs/jwt, jsonwebtoken underneath)
  const jwt = new JwtService({});
  const opts = { kid: 'es-test-kid', subject: '0b7c7c3e-2f7e-4a0e-9d3a-5b0f1f6f2a11', issuer: 'clipyard', audience: 'clipyard-api', jwtid: 'Zm9vYmFyYmF6cXV4' };
  const verify = (token: string, key = publicKey) => jwt.verify(token, { publicKey: key as never, algorithms: ['ES256'], issuer: 'clipyard', audience: 'clipyard-api' });
  const segments = (token: string) => token.split('.').slice(0, 2);

  it.each([
    ['a user', { sid: '1a2b3c4d-0000-4000-8000-000000000001', role: 'user' }],
    ['an anonymous user', { sid: '1a2b3c4d-0000-4000-8000-000000000002', role: 'user', is_anonymous: true }],
    ['an admin, already expired', { sid: '1a2b3c4d-0000-4000-8000-000000000003', role: 'admin' }, -60],
  ])('writes the header and payload jsonwebtoken writes for %s, with a signature it verifies', async (_what, claims, ttl = 900) => {
    const iat = Math.floor(Date.now() / 1000);
    const payload = { ...claims, iat, exp: iat + ttl };
    const token = signEs256Jwt(payload, privateKey, opts);
    const before = await jwt.signAsync(payload, { algorithm: 'ES256', keyid: opts.kid, privateKey, subject: opts.subject, issuer: opts.issuer, audience: opts.audience, jwtid: opts.jwtid });
    expect(segments(token)).toEqual(segments(before));
    expect(Buffer.from(token.split('.')[2], 'base64url')).toHaveLength(64); // JOSE r || s, not DER
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toEqual({ alg: 'ES256', typ: 'JWT', kid: opts.kid });
    if (ttl > 0) {
      expect(verify(token)).toEqual({ ...payload, aud: opts.audience, iss: opts.issuer, sub: opts.subject, jti: opts.jwtid });
    } else {
      expect(() => verify(token)).toThrow(/jwt expired/);
    }
  });

  it('is refused under another key, with a changed payload, or with another audience', () => {
    const iat = Math.floor(Date.now() / 1000);
    const token = signEs256Jwt({ sid: 's', role: 'user', iat, exp: iat + 900 }, privateKey, opts);
    expect(() => verify(token, other.publicKey)).toThrow(/invalid signature/);
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sid: 's', role: 'admin', iat, exp: iat + 900, aud: opts.audience, iss: opts.issuer, sub: opts.subject, jti: opts.jwtid })).toString('base64url');
    expect(() => verify(`${h}.${forged}.${s}`)).toThrow(/invalid signature/);
    expect(() => jwt.verify(token, { publicKey: publicKey as never, algorithms: ['ES256'], audience: 'someone-else' })).toThrow(/audience invalid/);
  });
});
