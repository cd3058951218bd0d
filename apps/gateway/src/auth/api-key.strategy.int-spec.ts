import { randomBytes, randomUUID } from 'node:crypto';
import { Passport } from 'passport';
import { Strategy as CustomStrategy } from 'passport-custom';
import type { Logger } from 'pino';
import type { FastifyRequest } from 'fastify';
import { AUTH_REDIS, type ApiKeyCacheEntry } from '@clipyard/contracts';
import { createRedis, keyPrefix, redisSettings, type RpcClient } from '@clipyard/queue';
import { generateApiKey, hashApiKey } from '@clipyard/security';
import { loadGatewayConfig } from '../config';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import type { ApiKeyUsage } from './api-key.usage';
import type { Principal } from './principal';
import { ApiKeyStrategy } from './strategies/api-key.strategy';
import { runStrategies } from './strategies/gateway-passport';

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('ApiKeyStrategy and ApiKeyAuthenticator (real Redis)', () => {
  const make = (env: Record<string, string> = {}) => {
    const config = loadGatewayConfig({ ...process.env, REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'cyt'}-aks-${randomBytes(3).toString('hex')}`, ...env });
    const prefix = keyPrefix(redisSettings(config));
    const resolves: string[] = [];
    const rpc = {
      call: async (method: string) => {
        resolves.push(method);
        return { ok: false, code: 'API_KEY_INVALID' } satisfies ApiKeyCacheEntry;
      },
    } as unknown as RpcClient;
    const used: string[] = [];
    const usage = { record: (keyId: string) => used.push(keyId) } as unknown as ApiKeyUsage;
    const logger = { warn: () => undefined } as unknown as Logger;
    const authenticator = new ApiKeyAuthenticator(config, rpc, usage, logger);
    const passport = new Passport();
    passport.use('api-key', new ApiKeyStrategy(authenticator));
    // Stands in for the access-token strategy: what a request without an API key reaches.
    passport.use('next', new CustomStrategy((_req, done) => done(null, { next: true })));
    const redis = createRedis(redisSettings(config));
    const run = (headers: Record<string, string>) => runStrategies<Principal | { next: true }>(passport, ['api-key', 'next'], { headers, ip: '127.0.0.1' } as unknown as FastifyRequest);
    /** `run` as a promise (a refusal decided from memory is thrown synchronously). */
    const check = async (headers: Record<string, string>) => run(headers);
    /** A key of a fresh user, live in Redis as the auth app writes it. */
    const issue = async () => {
      const key = generateApiKey();
      const hash = hashApiKey(key, config.API_KEY_PEPPER);
      const entry: ApiKeyCacheEntry = { ok: true, keyId: randomUUID(), userId: randomUUID(), role: 'user', scopes: ['jobs:read'], expiresAt: null };
      await redis.set(AUTH_REDIS.apiKey(prefix, hash), JSON.stringify(entry));
      return { key, hash, entry };
    };
    /** What the auth app does on revoke: replace the entry, then announce its hash. */
    const revoke = async (hash: string) => {
      await redis.set(AUTH_REDIS.apiKey(prefix, hash), JSON.stringify({ ok: false, code: 'API_KEY_REVOKED' }));
      await redis.publish(AUTH_REDIS.apiKeyChangedChannel(prefix), hash);
    };
    return { authenticator, run, check, issue, revoke, used, resolves, redis };
  };
  const open: Array<ReturnType<typeof make>> = [];
  const start = async (env?: Record<string, string>) => {
    const s = make(env);
    open.push(s);
    await s.authenticator.onModuleInit();
    return s;
  };
  afterAll(async () => {
    await Promise.all(open.flatMap((s) => [s.authenticator.onApplicationShutdown(), s.redis.quit()]));
  });

  it('checks a new key in full once, then accepts it from memory synchronously, counting every use', async () => {
    const s = await start();
    const { key, entry } = await s.issue();
    if (!entry.ok) throw new Error('unreachable');
    const expected = { userId: entry.userId, role: 'user', via: 'api_key', apiKeyId: entry.keyId, scopes: ['jobs:read'] };
    const first = s.run({ 'x-api-key': key });
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toEqual(expected);
    const again = s.run({ 'x-api-key': ` ${key} ` });
    expect(again).not.toBeInstanceOf(Promise);
    expect(again).toEqual(expected);
    expect(s.run({ authorization: `Bearer ${key}` })).toEqual(expected);
    expect(s.used).toHaveLength(3);
  });

  it('refuses a remembered key on its next use once its revocation is announced', async () => {
    const s = await start();
    const { key, hash } = await s.issue();
    await s.run({ 'x-api-key': key });
    expect(s.run({ 'x-api-key': key })).not.toBeInstanceOf(Promise);
    await s.revoke(hash);
    // Until the announcement arrives the gateway serves its copy (as before the memo); then it goes to Redis.
    await until(() => {
      const r = s.authenticator.verify(key, undefined);
      if (r instanceof Promise) r.catch(() => undefined);
      return r instanceof Promise;
    });
    await expect(s.check({ 'x-api-key': key })).rejects.toMatchObject({ code: 'API_KEY_REVOKED', httpStatus: 401 });
    await expect(s.check({ authorization: `Bearer ${key}` })).rejects.toMatchObject({ code: 'API_KEY_REVOKED' });
  });

  it('remembers nothing while the gateway keeps no entries in memory (API_KEYS_LOCAL_CACHE_S=0)', async () => {
    const s = await start({ API_KEYS_LOCAL_CACHE_S: '0' });
    const { key, hash } = await s.issue();
    await s.run({ 'x-api-key': key });
    const again = s.run({ 'x-api-key': key });
    expect(again).toBeInstanceOf(Promise);
    await again;
    await s.revoke(hash);
    await expect(s.check({ 'x-api-key': key })).rejects.toMatchObject({ code: 'API_KEY_REVOKED' });
  });

  it('leaves requests without an API key to the next strategy, and refuses malformed or unknown keys with their codes', async () => {
    const s = await start();
    expect(s.run({})).toEqual({ next: true });
    expect(s.run({ authorization: 'Bearer eyJhbGciOi.x.y' })).toEqual({ next: true });
    expect(s.run({ 'x-api-key': '' })).toEqual({ next: true });
    await expect(s.check({ 'x-api-key': 'cy_live_not-a-key' })).rejects.toMatchObject({ code: 'API_KEY_INVALID' });
    const unknown = generateApiKey();
    await expect(s.check({ authorization: `Bearer ${unknown}` })).rejects.toMatchObject({ code: 'API_KEY_INVALID' });
    await expect(s.check({ authorization: `Bearer ${unknown}` })).rejects.toMatchObject({ code: 'API_KEY_INVALID' });
    expect(s.resolves).toEqual(['auth.apiKey.resolve']); // only the well-formed unknown key reached the auth app, once
  });
});
