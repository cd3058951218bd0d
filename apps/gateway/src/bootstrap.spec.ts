import helmet from 'helmet';
import { staticHeaders } from './bootstrap';

describe('staticHeaders (helmet captured once)', () => {
  it('gives the headers helmet sets on a response, CSP included', () => {
    const mw = helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } } });
    const live = new Map<string, string>();
    mw({} as never, { setHeader: (k: string, v: unknown) => void live.set(k, String(v)), removeHeader: () => undefined } as never, () => undefined);
    const captured = staticHeaders(mw);
    expect(new Map(captured)).toEqual(live);
    expect(captured.find(([k]) => k === 'Content-Security-Policy')?.[1]).toContain("frame-ancestors 'none'");
    expect(captured.map(([k]) => k)).toEqual(expect.arrayContaining(['Strict-Transport-Security', 'X-Content-Type-Options', 'X-Frame-Options']));
  });

  it('refuses options whose headers depend on the request (a per-request nonce)', () => {
    const mw = helmet({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", (req) => `'nonce-${String((req as unknown as { id: string }).id)}'`] } } });
    expect(() => staticHeaders(mw)).toThrow(/request/);
  });
});
