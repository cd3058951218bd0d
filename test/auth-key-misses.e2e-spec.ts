import { generateApiKey } from '@clipyard/security';
import { startSystem, type System } from './harness';
import { signUp } from './helpers/users';

describe('auth: API key lookups that reach the auth app are limited per IP (e2e)', () => {
  let sys: System;
  beforeAll(async () => {
    sys = await startSystem({ env: { API_KEYS_MISS_IP_PER_MIN: '4' } });
  });
  afterAll(() => sys.stop());

  const me = (apiKey: string) => sys.get('/v1/auth/me', { apiKey });

  it('refuses a stream of made-up keys with 429 once past the limit; known keys keep working', async () => {
    const u = await signUp(sys);
    // a burst of first requests with one key is one lookup, so one miss
    const burst = await Promise.all(Array.from({ length: 10 }, () => me(u.apiKey)));
    expect(burst.map((r) => r.status)).toEqual(burst.map(() => 200));
    const madeUp = Array.from({ length: 3 }, () => generateApiKey());
    for (const k of madeUp) expect((await me(k)).body.error.code).toBe('API_KEY_INVALID');
    const limited = await me(generateApiKey());
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // keys already answered are not lookups any more: no 429 for them
    expect((await me(madeUp[0])).body.error.code).toBe('API_KEY_INVALID');
    expect((await me(u.apiKey)).status).toBe(200);
  });
});
