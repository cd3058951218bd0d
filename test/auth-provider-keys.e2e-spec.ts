import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import { authenticator } from 'otplib';
import { DataSource } from 'typeorm';
import { RpcClient } from '@clipyard/queue';
import { KeyRing, providerKeyAad } from '@clipyard/security';
import { authReplHelpers } from '../apps/auth/src/admin/repl-helpers';
import { startSystem, type System } from './harness';
import { freshDatabase, type FreshDatabase } from './helpers/database';
import { signUp } from './helpers/users';

const V1 = `1:${randomBytes(32).toString('base64')}`;
const V2 = `2:${randomBytes(32).toString('base64')}`;

/** Every string value under the system's Redis prefix (strings, hashes, lists, sets, zsets, streams). */
async function redisDump(url: string, prefix: string): Promise<string> {
  const r = new IORedis(url);
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    for (const k of keys) {
      const type = await r.type(k);
      out.push(k);
      if (type === 'string') out.push((await r.get(k)) ?? '');
      else if (type === 'hash') out.push(JSON.stringify(await r.hgetall(k)));
      else if (type === 'list') out.push(JSON.stringify(await r.lrange(k, 0, -1)));
      else if (type === 'set') out.push(JSON.stringify(await r.smembers(k)));
      else if (type === 'zset') out.push(JSON.stringify(await r.zrange(k, 0, -1)));
      else if (type === 'stream') out.push(JSON.stringify(await r.xrange(k, '-', '+')));
    }
  } while (cursor !== '0');
  await r.quit();
  return out.join('\n');
}

describe('auth: provider keys (e2e)', () => {
  let sys: System;
  const secrets: string[] = [];
  const secret = (tag: string) => {
    const s = `sk-${tag}-${randomBytes(16).toString('hex')}`;
    secrets.push(s);
    return s;
  };

  let db: FreshDatabase;
  beforeAll(async () => {
    // Own database: this spec runs under its own master keys and rotates them, which would strand
    // the JWT signing keys of specs running next to it in the shared database.
    db = await freshDatabase('pk');
    sys = await startSystem({ env: { DATABASE_URL: db.url, LOG_LEVEL: 'debug', ENCRYPTION_KEYS: V1, ALLOW_PRIVATE_URLS: 'false' } });
  });
  afterAll(async () => {
    await sys?.stop();
    await db?.drop();
  });

  it('lists the supported providers without credentials', async () => {
    const res = await sys.get('/v1/providers');
    expect(res.status).toBe(200);
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual(['openai', 'groq', 'openai_compatible', 'anthropic']);
  });

  it('stores a key encrypted, shows it masked, never returns the plaintext', async () => {
    const u = await signUp(sys);
    const key = secret('openai');
    const put = await sys.request('PUT', '/v1/provider-keys/openai', { apiKey: u.apiKey, body: { api_key: key, label: 'work' } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ provider: 'openai', label: 'work', last4: key.slice(-4), status: 'active', base_url: null });
    expect(put.text).not.toContain(key);
    const list = await sys.get('/v1/provider-keys', { apiKey: u.apiKey });
    expect(list.body.data).toHaveLength(1);
    expect(list.text).not.toContain(key);
    // replace: one key per (user, provider)
    const key2 = secret('openai2');
    await sys.request('PUT', '/v1/provider-keys/openai', { token: u.accessToken, body: { api_key: key2 } });
    const after = await sys.get('/v1/provider-keys', { apiKey: u.apiKey });
    expect(after.body.data).toHaveLength(1);
    expect(after.body.data[0].last4).toBe(key2.slice(-4));
    const audit = await sys.get('/v1/audit-events?action=provider_key.set', { apiKey: u.apiKey });
    expect(audit.body.data).toHaveLength(2);
    expect(audit.text).not.toContain(key2);
  });

  it('gives workers the ciphertext only, bound to the owner', async () => {
    const u = await signUp(sys);
    const other = await signUp(sys);
    const key = secret('groq');
    await sys.request('PUT', '/v1/provider-keys/groq', { apiKey: u.apiKey, body: { api_key: key } });
    const rpc = sys.apps.gateway!.get(RpcClient);
    const w = await rpc.call('auth.providerKey.forWorker', { userId: u.userId });
    expect(w).toMatchObject({ provider: 'groq', provider_name: 'Groq', base_url: 'https://api.groq.com/openai/v1', key_version: 1 });
    expect(JSON.stringify(w)).not.toContain(key);
    const ring = new KeyRing(V1);
    expect(ring.open(w.envelope, providerKeyAad(u.userId, 'groq'))).toBe(key);
    expect(() => ring.open(w.envelope, providerKeyAad(other.userId, 'groq'))).toThrow();
    expect(() => ring.open(w.envelope, providerKeyAad(u.userId, 'openai'))).toThrow();
    await expect(rpc.call('auth.providerKey.forWorker', { userId: other.userId })).rejects.toMatchObject({ code: 'PROVIDER_KEY_NOT_FOUND' });
    const used = await sys.get('/v1/provider-keys', { apiKey: u.apiKey });
    expect(used.body.data[0].last_used_at).not.toBeNull();
  });

  it('stores anthropic keys for language models only: chat workers get them, transcription never does', async () => {
    const u = await signUp(sys);
    const key = secret('ant');
    const put = await sys.request('PUT', '/v1/provider-keys/anthropic', { apiKey: u.apiKey, body: { api_key: key } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ provider: 'anthropic', last4: key.slice(-4), base_url: null, status: 'active' });
    expect(put.text).not.toContain(key);
    const rpc = sys.apps.gateway!.get(RpcClient);
    await expect(rpc.call('auth.providerKey.forWorker', { userId: u.userId })).rejects.toMatchObject({ code: 'PROVIDER_KEY_NOT_FOUND' });
    const w = await rpc.call('auth.providerKey.forWorker', { userId: u.userId, use: 'chat' });
    expect(w).toMatchObject({ provider: 'anthropic', base_url: 'https://api.anthropic.com/v1' });
    expect(new KeyRing(V1).open(w.envelope, providerKeyAad(u.userId, 'anthropic'))).toBe(key);
    await rpc.call('auth.providerKey.reportError', { userId: u.userId, provider: 'anthropic', error: `PROVIDER_KEY_REJECTED: invalid x-api-key ${key}` });
    const list = await sys.get('/v1/provider-keys', { apiKey: u.apiKey });
    expect(list.body.data[0]).toMatchObject({ provider: 'anthropic', status: 'error', last_error: 'PROVIDER_KEY_REJECTED: invalid x-api-key [redacted]' });
  });

  it('records provider errors for the owner, scrubbing the key out of them', async () => {
    const u = await signUp(sys);
    const key = secret('err');
    await sys.request('PUT', '/v1/provider-keys/openai', { apiKey: u.apiKey, body: { api_key: key } });
    const rpc = sys.apps.gateway!.get(RpcClient);
    await rpc.call('auth.providerKey.reportError', { userId: u.userId, provider: 'openai', error: `401 Incorrect API key provided: ${key}` });
    const list = await sys.get('/v1/provider-keys', { apiKey: u.apiKey });
    expect(list.body.data[0]).toMatchObject({ status: 'error', last_error: '401 Incorrect API key provided: [redacted]' });
    await sys.request('PUT', '/v1/provider-keys/openai', { apiKey: u.apiKey, body: { api_key: secret('fixed') } });
    expect((await sys.get('/v1/provider-keys', { apiKey: u.apiKey })).body.data[0]).toMatchObject({ status: 'active', last_error: null });
  });

  it('validates base_url: https only, no internal addresses, required for openai_compatible', async () => {
    const u = await signUp(sys);
    const put = (provider: string, body: Record<string, unknown>) => sys.request('PUT', `/v1/provider-keys/${provider}`, { apiKey: u.apiKey, body });
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['openai_compatible', { api_key: secret('c1') }, 422, 'VALIDATION_FAILED'],
      ['openai_compatible', { api_key: secret('c2'), base_url: 'http://api.example.com/v1' }, 422, 'URL_FORBIDDEN'],
      ['openai_compatible', { api_key: secret('c3'), base_url: 'https://127.0.0.1/v1' }, 422, 'URL_FORBIDDEN'],
      ['openai_compatible', { api_key: secret('c4'), base_url: 'https://169.254.169.254/latest' }, 422, 'URL_FORBIDDEN'],
      ['openai_compatible', { api_key: secret('c5'), base_url: 'https://localhost:8443/v1' }, 422, 'URL_FORBIDDEN'],
      ['openai_compatible', { api_key: secret('c6'), base_url: 'https://[::ffff:10.0.0.1]/v1' }, 422, 'URL_FORBIDDEN'],
      ['openai_compatible', { api_key: secret('c7'), base_url: 'https://user:pw@8.8.8.8/v1' }, 422, 'URL_FORBIDDEN'],
      ['openai_compatible', { api_key: secret('c9'), base_url: 'https://[::7f00:1]/v1' }, 422, 'URL_FORBIDDEN'],
      ['openai_compatible', { api_key: secret('c10'), base_url: 'https://[64:ff9b::a9fe:a9fe]/v1' }, 422, 'URL_FORBIDDEN'],
      ['mistral', { api_key: secret('c8') }, 404, 'UNSUPPORTED_PROVIDER'],
      ['anthropic', { api_key: secret('c11'), base_url: 'https://10.1.2.3/v1' }, 422, 'URL_FORBIDDEN'],
      ['openai', { api_key: 'short' }, 422, 'VALIDATION_FAILED'],
    ];
    for (const [provider, body, status, code] of cases) {
      const res = await put(provider, body);
      expect({ provider, base_url: body.base_url, status: res.status, code: res.body.error?.code }).toEqual({ provider, base_url: body.base_url, status, code });
    }
    const ok = await put('openai_compatible', { api_key: secret('ok'), base_url: 'https://8.8.8.8/v1/' });
    expect(ok.status).toBe(200);
    expect(ok.body.base_url).toBe('https://8.8.8.8/v1');
    expect((await sys.get('/v1/provider-keys', { apiKey: u.apiKey })).body.data).toHaveLength(1);
  });

  it("deletes only the caller's own key (another user's → 404)", async () => {
    const a = await signUp(sys);
    const b = await signUp(sys);
    await sys.request('PUT', '/v1/provider-keys/openai', { apiKey: b.apiKey, body: { api_key: secret('b') } });
    const probe = await sys.request('DELETE', '/v1/provider-keys/openai', { apiKey: a.apiKey });
    expect(probe.status).toBe(404);
    expect(probe.body.error.code).toBe('PROVIDER_KEY_NOT_FOUND');
    expect((await sys.get('/v1/provider-keys', { apiKey: b.apiKey })).body.data).toHaveLength(1);
    expect((await sys.request('DELETE', '/v1/provider-keys/openai', { apiKey: b.apiKey })).status).toBe(204);
    expect((await sys.get('/v1/provider-keys', { apiKey: b.apiKey })).body.data).toHaveLength(0);
  });

  it('re-encrypts every row to a new master key version, online, and reports the count', async () => {
    const u = await signUp(sys);
    const keys = { openai: secret('r1'), groq: secret('r2') };
    for (const [p, k] of Object.entries(keys)) await sys.request('PUT', `/v1/provider-keys/${p}`, { apiKey: u.apiKey, body: { api_key: k } });
    // a TOTP secret, sealed under v1 too
    const totp = await sys.post('/v1/auth/mfa/totp', {}, { token: u.accessToken });
    const step0 = Math.floor(Date.now() / 30_000);
    const codeAt = (step: number) => authenticator.clone({ epoch: step * 30_000 }).generate(totp.body.secret);
    expect((await sys.post('/v1/auth/mfa/totp/verify', { code: codeAt(step0) }, { token: u.accessToken })).status).toBe(200);
    await sys.stopApp('auth');
    sys.env.ENCRYPTION_KEYS = `${V1},${V2}`;
    await sys.startApp('auth');
    const before = await sys.apps.gateway!.get(RpcClient).call('auth.providerKey.forWorker', { userId: u.userId, provider: 'openai' });
    expect(before.key_version).toBe(1);
    const result = await authReplHelpers((t) => sys.apps.auth!.get(t)).keyring.rotateEncryptionKeys();
    expect(result.version).toBe(2);
    expect(result.providerKeys).toBeGreaterThanOrEqual(2);
    expect(result.signingKeys).toBeGreaterThanOrEqual(1);
    expect(result.totpSecrets).toBeGreaterThanOrEqual(1);
    expect(await authReplHelpers((t) => sys.apps.auth!.get(t)).keyring.rotateEncryptionKeys()).toMatchObject({ providerKeys: 0, signingKeys: 0, totpSecrets: 0 });
    const [factor] = await sys.apps.auth!.get(DataSource).query('SELECT secret_sealed FROM mfa_factors WHERE user_id = $1', [u.userId]);
    expect(factor.secret_sealed).toMatch(/^v2\./);
    // the re-sealed secret still checks codes: password sign-in → mfa_required → the next code signs in
    const pending = await sys.post('/v1/auth/login', { email: u.email, password: u.password });
    expect(pending.body).toMatchObject({ mfa_required: true });
    const done = await sys.post('/v1/auth/mfa/challenge', { mfa_token: pending.body.mfa_token, code: codeAt(Math.max(Math.floor(Date.now() / 30_000), step0 + 1)) });
    expect(done.status).toBe(200);
    const ring = new KeyRing(`${V1},${V2}`);
    for (const [p, k] of Object.entries(keys)) {
      const w = await sys.apps.gateway!.get(RpcClient).call('auth.providerKey.forWorker', { userId: u.userId, provider: p as 'openai' | 'groq' });
      expect(w.key_version).toBe(2);
      expect(ring.open(w.envelope, providerKeyAad(u.userId, p))).toBe(k);
      expect(() => new KeyRing(V1).open(w.envelope, providerKeyAad(u.userId, p))).toThrow();
    }
    // tokens still verify after the signing key was re-sealed
    expect((await sys.get('/v1/auth/me', { token: u.accessToken })).status).toBe(200);
    expect((await sys.get('/v1/auth/me', { token: done.body.access_token })).status).toBe(200);
  });

  // Last on purpose: the whole run so far must not have put a plaintext provider key in any log
  // line or any Redis value (RPC requests, caches, rate limits, queues).
  it('never put a plaintext provider key in a log line or a Redis value', async () => {
    const logs = sys.logs.join('\n');
    const redis = await redisDump(sys.env.REDIS_URL ?? 'redis://127.0.0.1:6379', sys.env.REDIS_PREFIX!);
    expect(secrets.length).toBeGreaterThan(10);
    expect(logs.length).toBeGreaterThan(1000);
    expect(redis).toContain('auth:apikey:');
    const leaks = secrets.filter((s) => logs.includes(s) || redis.includes(s));
    expect(leaks).toEqual([]);
  });
});
