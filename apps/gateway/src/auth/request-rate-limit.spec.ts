import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AppError } from '@clipyard/contracts';
import type { GatewayConfig } from '../config';
import { RequestRateLimit } from './request-rate-limit';

const U1 = 'user-1';
const U2 = 'user-2';
const limit = (n: number) => new RequestRateLimit({ API_REQUESTS_PER_MIN: n } as GatewayConfig);

function refusal(fn: () => void): AppError | undefined {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  return undefined;
}

describe('RequestRateLimit', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-02T12:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('allows the limit per user per window, then 429 with the rest of the window as Retry-After', () => {
    const rl = limit(3);
    for (let i = 0; i < 3; i++) rl.take(U1);
    rl.take(U2); // another user's window is their own
    jest.advanceTimersByTime(20_500);
    const e = refusal(() => rl.take(U1));
    expect(e).toBeInstanceOf(AppError);
    expect(e?.code).toBe('RATE_LIMITED');
    expect(e?.details).toEqual({ limit_per_min: 3 });
    expect(e?.headers).toEqual({ 'Retry-After': '40' });
    jest.advanceTimersByTime(39_499);
    expect(refusal(() => rl.take(U1))?.headers).toEqual({ 'Retry-After': '1' });
    jest.advanceTimersByTime(1);
    expect(refusal(() => rl.take(U1))).toBeUndefined(); // a new window
    expect(refusal(() => rl.take(U1))).toBeUndefined();
  });

  it('refuses exactly where RateLimiterMemory (which it replaced) refused', async () => {
    const rl = limit(5);
    const ref = new RateLimiterMemory({ points: 5, duration: 60 });
    for (let i = 0; i < 40; i++) {
      const ours = refusal(() => rl.take(U1));
      const theirs = await ref.consume(U1).then(
        () => undefined,
        (r: { msBeforeNext: number }) => String(Math.max(1, Math.ceil(r.msBeforeNext / 1000))),
      );
      expect(ours?.headers?.['Retry-After']).toBe(theirs);
      jest.advanceTimersByTime(7_000);
    }
  });

  it('forgets a window once it ends, and is off at 0', async () => {
    const rl = limit(1);
    rl.take(U1);
    expect((rl as unknown as { windows: Map<string, unknown> }).windows.size).toBe(1);
    jest.advanceTimersByTime(60_000);
    expect((rl as unknown as { windows: Map<string, unknown> }).windows.size).toBe(0);
    const off = limit(0);
    for (let i = 0; i < 10_000; i++) off.take(U1);
    expect(off.take(U1)).toBeUndefined();
    expect(rl.take(U1)).toBeUndefined();
    let refused: unknown;
    try {
      rl.take(U1);
    } catch (err) {
      refused = err;
    }
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
