import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, SECRET_PLACEHOLDER, commonSchema, loadConfig, secretVar } from './index';

describe('loadConfig', () => {
  it('fills every default so nothing is needed locally', () => {
    const c = loadConfig(commonSchema, {});
    expect(c.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/clipyard');
    expect(c.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(c.LOG_LEVEL).toBe('info');
  });

  it('lists every problem at once, naming each variable', () => {
    const err = (() => {
      try {
        loadConfig(commonSchema, { DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', RPC_TIMEOUT_MS: '-5' });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.problems).toHaveLength(3);
    expect(err.message).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(err.message).toMatch(/LOG_LEVEL/);
    expect(err.message).toMatch(/RPC_TIMEOUT_MS/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig(commonSchema, { REDIS_PREFIX: '' }).REDIS_PREFIX).toBe('cy');
  });

  it('reads REDIS_CLUSTER_NODES as host:port pairs, and names a bad entry', () => {
    expect(loadConfig(commonSchema, {}).REDIS_CLUSTER_NODES).toBeUndefined();
    expect(loadConfig(commonSchema, { REDIS_CLUSTER_NODES: 'redis-0.redis:6379, 10.0.0.7:7001,[::1]:7002' }).REDIS_CLUSTER_NODES).toEqual([
      { host: 'redis-0.redis', port: 6379 },
      { host: '10.0.0.7', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
    expect(() => loadConfig(commonSchema, { REDIS_CLUSTER_NODES: 'redis-0:6379,redis://redis-1:6379' })).toThrow(
      /REDIS_CLUSTER_NODES: "redis:\/\/redis-1:6379" is not host:port/,
    );
    expect(() => loadConfig(commonSchema, { REDIS_CLUSTER_NODES: 'redis-0:70000' })).toThrow(/REDIS_CLUSTER_NODES/);
    expect(() => loadConfig(commonSchema, { REDIS_CLUSTER_NODES: ' , ' })).toThrow(/REDIS_CLUSTER_NODES: names no node/);
  });

  it('refuses development secrets in production, and accepts real ones', () => {
    expect(() => loadConfig(commonSchema, { NODE_ENV: 'production' })).toThrow(/RPC_SECRET: a development default/);
    const c = loadConfig(commonSchema, { NODE_ENV: 'production', RPC_SECRET: 'x'.repeat(40) });
    expect(c.RPC_SECRET).toBe('x'.repeat(40));
  });

  it('refuses a secret that is too short', () => {
    const schema = z.object({ S: secretVar('dev-default-secret-0123456789abcdef0') });
    expect(() => loadConfig(schema, { S: 'short' })).toThrow(/S: must be at least 32 characters/);
  });

  describe('development secrets', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'cy-devsecrets-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('generates a random secret on first start, keeps it in DEV_CREDENTIALS_DIR, and reuses it', () => {
      const a = loadConfig(commonSchema, { DEV_CREDENTIALS_DIR: dir }).RPC_SECRET;
      expect(a).not.toBe(SECRET_PLACEHOLDER);
      expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(readFileSync(path.join(dir, 'RPC_SECRET'), 'utf8').trim()).toBe(a);
      expect(statSync(path.join(dir, 'RPC_SECRET')).mode & 0o077).toBe(0);
      expect(loadConfig(commonSchema, { DEV_CREDENTIALS_DIR: dir, NODE_ENV: 'test' }).RPC_SECRET).toBe(a);
      const other = mkdtempSync(path.join(tmpdir(), 'cy-devsecrets-'));
      try {
        expect(loadConfig(commonSchema, { DEV_CREDENTIALS_DIR: other }).RPC_SECRET).not.toBe(a);
      } finally {
        rmSync(other, { recursive: true, force: true });
      }
    });

    it('never accepts a value that appears in the source, in any mode', () => {
      for (const NODE_ENV of ['development', 'test', 'production']) {
        // the default earlier releases published, and today's placeholder
        for (const RPC_SECRET of ['dev-rpc-secret-change-me-0123456789abcdef', SECRET_PLACEHOLDER]) {
          expect(() => loadConfig(commonSchema, { NODE_ENV, RPC_SECRET, DEV_CREDENTIALS_DIR: dir })).toThrow(/RPC_SECRET: this value is published/);
        }
      }
      const keys = z.object({ K: secretVar() });
      expect(() => loadConfig(keys, { K: 'whsec_dev_clipyard_change_me_0123456789' })).toThrow(/K: this value is published/);
      expect(() => loadConfig(keys, { K: 'dev-storage-url-secret-change-me-0123456789' })).toThrow(/K: this value is published/);
    });
  });
});
