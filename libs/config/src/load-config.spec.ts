import { z } from 'zod';
import { ConfigError, commonSchema, loadConfig, secretVar } from './index';

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

  it('refuses development secrets in production, and accepts real ones', () => {
    expect(() => loadConfig(commonSchema, { NODE_ENV: 'production' })).toThrow(/RPC_SECRET: a development default/);
    const c = loadConfig(commonSchema, { NODE_ENV: 'production', RPC_SECRET: 'x'.repeat(40) });
    expect(c.RPC_SECRET).toBe('x'.repeat(40));
  });

  it('refuses a secret that is too short', () => {
    const schema = z.object({ S: secretVar('dev-default-secret-0123456789abcdef0') });
    expect(() => loadConfig(schema, { S: 'short' })).toThrow(/S: must be at least 32 characters/);
  });
});
