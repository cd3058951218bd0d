import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { DataSource } from 'typeorm';
import { KeyRing } from '@clipyard/security';
import { AUTH_CONFIG, type AuthConfig } from '../apps/auth/src/config';
import { SigningKeys } from '../apps/auth/src/tokens/signing-keys.service';
import { JwtVerifier } from '../apps/gateway/src/auth/jwt.verifier';
import { RevokedSessions } from '../apps/gateway/src/auth/revoked-sessions';
import IORedis from 'ioredis';
import { eventually, startSystem, type System } from './harness';
import { signUp, strongPassword } from './helpers/users';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const decode = (t: string) => t.split('.').map((p, i) => (i < 2 ? JSON.parse(Buffer.from(p, 'base64url').toString()) : p));

describe('auth: access tokens, refresh rotation, sessions (e2e)', () => {
  let sys: System;
  beforeAll(async () => {
    sys = await startSystem({ env: { REFRESH_REUSE_GRACE_S: '2' } });
  });
  afterAll(() => sys.stop());

  const me = (token: string) => sys.get('/v1/auth/me', { token });

  it('publishes the JWKS and signs ES256 (P-256) tokens with a kid, sub, sid and role', async () => {
    const u = await signUp(sys);
    const jwks = await sys.get('/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    const [header, payload] = decode(u.accessToken);
    expect(header).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    expect(jwks.body.keys.find((k: { kid: string }) => k.kid === header.kid)).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.body.keys[0]).not.toHaveProperty('d');
    expect(payload).toMatchObject({ sub: u.userId, sid: u.sessionId, role: 'user', iss: 'clipyard', aud: 'clipyard-api' });
    expect(payload.exp - payload.iat).toBe(900);
  });

  it('refuses tampered, expired, alg:none, unknown-kid and HS256-confused tokens with 401', async () => {
    const u = await signUp(sys);
    const [header, payload, sig] = u.accessToken.split('.');
    const claims = decode(u.accessToken)[1];
    const tampered = `${header}.${b64({ ...claims, role: 'admin' })}.${sig}`;
    const none = `${b64({ alg: 'none', typ: 'JWT', kid: decode(u.accessToken)[0].kid })}.${payload}.`;
    const expired = (await sys.apps.auth!.get(SigningKeys).sign({ sub: u.userId, sid: u.sessionId, role: 'user' }, -60)).token;
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const foreign = await new SignJWT({ sid: u.sessionId, role: 'admin' })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'attacker-kid' })
      .setSubject(u.userId)
      .setIssuer('clipyard')
      .setAudience('clipyard-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const jwk = (await sys.get('/.well-known/jwks.json')).body.keys[0];
    // Right kid, right alg, someone else's P-256 key.
    const { privateKey: otherEc } = await generateKeyPair('ES256');
    const forgedEs = await new SignJWT({ sid: u.sessionId, role: 'admin' })
      .setProtectedHeader({ alg: 'ES256', kid: decode(u.accessToken)[0].kid })
      .setSubject(u.userId)
      .setIssuer('clipyard')
      .setAudience('clipyard-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(otherEc);
    const hs = await new SignJWT({ sid: u.sessionId, role: 'admin' })
      .setProtectedHeader({ alg: 'HS256', kid: jwk.kid })
      .setSubject(u.userId)
      .setIssuer('clipyard')
      .setAudience('clipyard-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(JSON.stringify(jwk)));
    for (const [token, code] of [
      [tampered, 'TOKEN_INVALID'],
      [none, 'TOKEN_INVALID'],
      [expired, 'TOKEN_EXPIRED'],
      [foreign, 'TOKEN_INVALID'],
      [forgedEs, 'TOKEN_INVALID'],
      [hs, 'TOKEN_INVALID'],
      [`${header}.${payload}`, 'TOKEN_INVALID'],
    ]) {
      const res = await me(token);
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 401, code });
    }
    expect((await me(u.accessToken)).status).toBe(200);
  });

  it('rotates the signing key: old tokens stay valid, new ones carry the new kid', async () => {
    const u = await signUp(sys);
    const oldKid = decode(u.accessToken)[0].kid;
    const newKid = await sys.apps.auth!.get(SigningKeys).rotate();
    expect(newKid).not.toBe(oldKid);
    const fresh = await sys.post('/v1/auth/login', { email: u.email, password: u.password });
    expect(decode(fresh.body.access_token)[0].kid).toBe(newKid);
    await eventually(async () => (await me(fresh.body.access_token)).status === 200);
    expect((await me(u.accessToken)).status).toBe(200);
    const kids = (await sys.get('/.well-known/jwks.json')).body.keys.map((k: { kid: string }) => k.kid);
    expect(kids).toEqual(expect.arrayContaining([oldKid, newKid]));
  });

  it('moves from EdDSA to ES256 without signing anyone out: the EdDSA key stays published and its tokens valid', async () => {
    const u = await signUp(sys);
    const auth = sys.apps.auth!;
    const ds = auth.get(DataSource);
    const ring = new KeyRing(auth.get<AuthConfig>(AUTH_CONFIG).ENCRYPTION_KEYS);
    // A database from before the switch: the active signing key is Ed25519, and tokens are out there.
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const kid = `k${Date.now().toString(36)}legacy`;
    await ds.query('UPDATE signing_keys SET retired_at = now() WHERE retired_at IS NULL');
    await ds.query('INSERT INTO signing_keys (kid, alg, public_jwk, private_key) VALUES ($1, $2, $3, $4)', [
      kid,
      'EdDSA',
      await exportJWK(publicKey),
      ring.seal(JSON.stringify(await exportJWK(privateKey)), `signing-key:${kid}`),
    ]);
    const legacy = await new SignJWT({ sid: u.sessionId, role: 'user' })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
      .setSubject(u.userId)
      .setIssuer('clipyard')
      .setAudience('clipyard-api')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);

    await auth.get(SigningKeys).reload(); // what every auth replica does within a minute (and at boot)
    const fresh = await sys.post('/v1/auth/login', { email: u.email, password: u.password });
    const [h] = decode(fresh.body.access_token);
    expect(h).toMatchObject({ alg: 'ES256' });
    expect(h.kid).not.toBe(kid);
    await eventually(async () => (await me(legacy)).status === 200);
    expect((await me(fresh.body.access_token)).status).toBe(200);
    const keys = (await auth.get(SigningKeys).jwks()).keys.map((k) => [k.kid, k.alg]);
    expect(keys).toEqual(expect.arrayContaining([[kid, 'EdDSA'], [h.kid, 'ES256']]));
    // An EdDSA-signed token that names the ES256 key is refused (alg must be the key's).
    const confused = await new SignJWT({ sid: u.sessionId, role: 'user' })
      .setProtectedHeader({ alg: 'EdDSA', kid: h.kid })
      .setSubject(u.userId)
      .setIssuer('clipyard')
      .setAudience('clipyard-api')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
    expect((await me(confused)).body.error.code).toBe('TOKEN_INVALID');
  });

  it('rotates refresh tokens; a replay inside the grace window gets the same child, later it revokes the family', async () => {
    const u = await signUp(sys);
    const r1 = await sys.post('/v1/auth/refresh', { refresh_token: u.refreshToken });
    expect(r1.status).toBe(200);
    expect(r1.body.refresh_token).not.toBe(u.refreshToken);
    expect(r1.body.session_id).toBe(u.sessionId);
    expect((await me(r1.body.access_token)).status).toBe(200);
    // two tabs: the parent again, at once → the same child, no logout
    const twin = await sys.post('/v1/auth/refresh', { refresh_token: u.refreshToken });
    expect(twin.status).toBe(200);
    expect(twin.body.refresh_token).toBe(r1.body.refresh_token);
    const r2 = await sys.post('/v1/auth/refresh', { refresh_token: r1.body.refresh_token });
    expect(r2.status).toBe(200);

    await new Promise((r) => setTimeout(r, 2600));
    const reuse = await sys.post('/v1/auth/refresh', { refresh_token: u.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('REFRESH_TOKEN_REUSED');
    const after = await sys.post('/v1/auth/refresh', { refresh_token: r2.body.refresh_token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('SESSION_REVOKED');
    await eventually(async () => (await me(r2.body.access_token)).status === 401);
    const sessions = await sys.get('/v1/auth/sessions', { apiKey: u.apiKey });
    expect(sessions.body.data.map((s: { id: string }) => s.id)).not.toContain(u.sessionId);
    const audit = await sys.get('/v1/audit-events?action=session.reuse_detected', { apiKey: u.apiKey });
    expect(audit.body.data).toHaveLength(1);
  });

  it('refuses unknown and malformed refresh tokens', async () => {
    for (const t of ['rt_' + 'x'.repeat(43), 'garbage']) {
      const res = await sys.post('/v1/auth/refresh', { refresh_token: t });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('REFRESH_TOKEN_INVALID');
    }
    expect((await sys.post('/v1/auth/refresh', { refresh_token: '' })).body.error.code).toBe('VALIDATION_FAILED');
    // no token in the body means a browser's cookie session: without the cookie there is nothing to refresh
    const none = await sys.post('/v1/auth/refresh', {});
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('serves the OAuth2 token endpoint (form-encoded password and refresh_token grants)', async () => {
    const u = await signUp(sys, { username: `user_${Date.now().toString(36)}` });
    const byEmail = await sys.request('POST', '/v1/auth/token', { form: { grant_type: 'password', username: u.email, password: u.password } });
    expect(byEmail.status).toBe(200);
    expect(byEmail.body).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
    const refreshed = await sys.request('POST', '/v1/auth/token', { form: { grant_type: 'refresh_token', refresh_token: byEmail.body.refresh_token } });
    expect(refreshed.status).toBe(200);
    expect((await me(refreshed.body.access_token)).body.id).toBe(u.userId);
    const bad = await sys.request('POST', '/v1/auth/token', { form: { grant_type: 'client_credentials' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('UNSUPPORTED_GRANT_TYPE');
    const wrong = await sys.request('POST', '/v1/auth/token', { form: { grant_type: 'password', username: u.email, password: 'Nope-12345' } });
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('lists and revokes sessions, logs out one or all; another user cannot touch them (404)', async () => {
    const u = await signUp(sys);
    const second = await sys.post('/v1/auth/login', { email: u.email, password: u.password }, { headers: { 'user-agent': 'tab-two' } });
    const list = await sys.get('/v1/auth/sessions', { token: u.accessToken });
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(2);
    expect(list.body.data.find((s: { id: string }) => s.id === u.sessionId).current).toBe(true);
    expect(list.text).not.toContain(u.refreshToken);

    const other = await signUp(sys);
    const probe = await sys.request('DELETE', `/v1/auth/sessions/${second.body.session_id}`, { token: other.accessToken });
    expect(probe.status).toBe(404);
    expect((await sys.post('/v1/auth/refresh', { refresh_token: second.body.refresh_token })).status).toBe(200);

    const del = await sys.request('DELETE', `/v1/auth/sessions/${second.body.session_id}`, { token: u.accessToken });
    expect(del.status).toBe(204);
    expect((await sys.get('/v1/auth/sessions', { token: u.accessToken })).body.data).toHaveLength(1);

    const out = await sys.post('/v1/auth/logout', undefined, { token: u.accessToken });
    expect(out.status).toBe(204);
    // the signed-out session's access token is refused too (gateways learn it by pub/sub)
    const gone = await eventually(async () => {
      const r = await me(u.accessToken);
      return r.status === 401 ? r : undefined;
    });
    expect(gone.body.error.code).toBe('SESSION_REVOKED');
    expect((await sys.get('/v1/auth/me', { apiKey: u.apiKey })).status).toBe(200);
    expect((await sys.post('/v1/auth/refresh', { refresh_token: u.refreshToken })).body.error.code).toBe('SESSION_REVOKED');
    expect((await sys.post('/v1/auth/logout', undefined, { apiKey: u.apiKey })).status).toBe(400);

    const a = await sys.post('/v1/auth/login', { email: u.email, password: u.password });
    const b = await sys.post('/v1/auth/login', { email: u.email, password: u.password });
    const all = await sys.post('/v1/auth/logout-all', undefined, { token: a.body.access_token });
    expect(all.status).toBe(200);
    expect(all.body.revoked).toBe(2);
    await eventually(async () => (await me(b.body.access_token)).status === 401);
    expect((await sys.post('/v1/auth/refresh', { refresh_token: b.body.refresh_token })).status).toBe(401);
  });

  it('still hears revocations after its Redis subscription connection was dropped', async () => {
    const u = await signUp(sys);
    const sub = (sys.apps.gateway!.get(RevokedSessions) as unknown as { sub: IORedis }).sub;
    const killer = new IORedis(sys.env.REDIS_URL!);
    try {
      await killer.client('KILL', 'ADDR', `127.0.0.1:${(sub as unknown as { stream: { localPort: number } }).stream.localPort}`);
    } finally {
      await killer.quit();
    }
    // sign out at once: whether the revocation comes by message or by the set read after the
    // resubscribe, the gateway must learn it
    expect((await sys.post('/v1/auth/logout', undefined, { token: u.accessToken })).status).toBe(204);
    await eventually(async () => (await me(u.accessToken)).status === 401);
  });

  it('changes the password: needs the current one, applies the policy, revokes every other session', async () => {
    const u = await signUp(sys);
    const other = await sys.post('/v1/auth/login', { email: u.email, password: u.password });
    const wrong = await sys.post('/v1/auth/password', { current_password: 'Wrong-123', new_password: strongPassword() }, { token: u.accessToken });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('WRONG_PASSWORD');
    const weak = await sys.post('/v1/auth/password', { current_password: u.password, new_password: 'password1' }, { token: u.accessToken });
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    const next = strongPassword();
    const ok = await sys.post('/v1/auth/password', { current_password: u.password, new_password: next }, { token: u.accessToken });
    expect(ok.status).toBe(200);
    expect(ok.body.revoked_sessions).toBe(1);
    expect((await sys.post('/v1/auth/refresh', { refresh_token: other.body.refresh_token })).status).toBe(401);
    await eventually(async () => (await me(other.body.access_token)).status === 401);
    expect((await me(u.accessToken)).status).toBe(200);
    expect((await sys.post('/v1/auth/refresh', { refresh_token: u.refreshToken })).status).toBe(200);
    expect((await sys.post('/v1/auth/login', { email: u.email, password: u.password })).status).toBe(401);
    expect((await sys.post('/v1/auth/login', { email: u.email, password: next })).status).toBe(200);
  });

  it('updates the profile (PATCH /v1/auth/me) and validates it', async () => {
    const u = await signUp(sys);
    const res = await sys.request('PATCH', '/v1/auth/me', { token: u.accessToken, body: { full_name: 'Grace H', timezone: 'Europe/Paris', avatar_url: 'https://img.example.com/a.png' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ full_name: 'Grace H', timezone: 'Europe/Paris', avatar_url: 'https://img.example.com/a.png' });
    const badTz = await sys.request('PATCH', '/v1/auth/me', { token: u.accessToken, body: { timezone: 'Mars/Olympus' } });
    expect(badTz.status).toBe(422);
    const badField = await sys.request('PATCH', '/v1/auth/me', { token: u.accessToken, body: { role: 'admin' } });
    expect(badField.status).toBe(422);
    expect((await me(u.accessToken)).body.role).toBe('user');
  });

  it('a token the gateway has verified before still expires on time and stops when its key is withdrawn', async () => {
    const u = await signUp(sys);
    const auth = sys.apps.auth!;
    const short = (await auth.get(SigningKeys).sign({ sub: u.userId, sid: u.sessionId, role: 'user' }, 2)).token;
    expect((await me(short)).status).toBe(200);
    expect((await me(short)).status).toBe(200); // the second check is the gateway's verified-token cache
    await new Promise((r) => setTimeout(r, 2100));
    expect((await me(short)).body.error?.code).toBe('TOKEN_EXPIRED');

    // A key of this test's own, published but not signing (retired just now), so that withdrawing it
    // cannot touch the systems of other suites sharing the database (they sign with the active key).
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = `k${Date.now().toString(36)}withdrawn`;
    const ring = new KeyRing(auth.get<AuthConfig>(AUTH_CONFIG).ENCRYPTION_KEYS);
    const ds = auth.get(DataSource);
    await ds.query('INSERT INTO signing_keys (kid, alg, public_jwk, private_key, retired_at) VALUES ($1, $2, $3, $4, now())', [
      kid,
      'ES256',
      await exportJWK(publicKey),
      ring.seal(JSON.stringify(await exportJWK(privateKey)), `signing-key:${kid}`),
    ]);
    const token = await new SignJWT({ sid: u.sessionId, role: 'user' })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
      .setSubject(u.userId)
      .setIssuer('clipyard')
      .setAudience('clipyard-api')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
    const verifier = sys.apps.gateway!.get(JwtVerifier);
    await verifier.refresh();
    expect((await me(token)).status).toBe(200);
    expect((await me(token)).status).toBe(200); // cached
    // Withdrawn from the JWKS (as if its tokens had all expired): the cached token stops too.
    await ds.query(`UPDATE signing_keys SET retired_at = now() - interval '1 day' WHERE kid = $1`, [kid]);
    await verifier.refresh();
    expect((await me(token)).body.error?.code).toBe('TOKEN_INVALID');
  });
});
