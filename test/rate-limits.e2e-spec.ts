import { generateApiKey } from '@clipyard/security';
import { startSystem, type System } from './harness';
import { signUp } from './helpers/users';

describe('gateway rate limits: API key lookups per IP, requests per user (e2e)', () => {
  let sys: System;
  beforeAll(async () => {
    sys = await startSystem({ env: { API_KEYS_MISS_IP_PER_MIN: '4', API_REQUESTS_PER_MIN: '30' } });
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

  it('limits each user to API_REQUESTS_PER_MIN authenticated requests, with Retry-After; other users are not affected', async () => {
    const [a, b] = [await signUp(sys), await signUp(sys)];
    // sign-up itself made a request or two as this user; the rest of the 30 go through
    const statuses: number[] = [];
    // (access tokens: the earlier test used up this IP's allowance of fresh API key lookups)
    for (let i = 0; i < 30; i++) statuses.push((await sys.get('/v1/auth/me', { token: a.accessToken })).status);
    const ok = statuses.filter((s) => s === 200).length;
    expect(ok).toBeGreaterThanOrEqual(27);
    expect(statuses).toEqual([...Array(ok).fill(200), ...Array(30 - ok).fill(429)]);
    const limited = await sys.get('/v1/jobs', { token: a.accessToken });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { limit_per_min: 30 } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await sys.get('/v1/auth/me', { token: b.accessToken })).status).toBe(200);
  });
});
