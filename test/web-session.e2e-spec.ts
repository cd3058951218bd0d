import { startSystem, type System } from './harness';
import { signUp, type TestUser } from './helpers/users';

/** Set-Cookie headers of a response, by cookie name. */
function cookies(res: { headers: Headers }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of res.headers.getSetCookie()) out[c.split('=')[0]] = c;
  return out;
}
const value = (setCookie: string) => setCookie.split(';')[0].split('=').slice(1).join('=');

/** The dashboard's browser session (cookie refresh with CSRF) and how the gateway serves the app. */
describe('dashboard session cookies and serving (e2e)', () => {
  let sys: System;
  let alice: TestUser;

  beforeAll(async () => {
    sys = await startSystem();
    alice = await signUp(sys);
  }, 120_000);
  afterAll(() => sys?.stop());

  const login = () => sys.post('/v1/auth/login', { email: alice.email, password: alice.password, set_cookie: true });

  it('keeps the refresh token out of the body and in an HttpOnly, Secure, SameSite=Strict cookie on the refresh path', async () => {
    const res = await login();
    expect(res.status).toBe(200);
    expect(res.body.refresh_token).toBeUndefined();
    expect(res.body.access_token).toEqual(expect.any(String));
    const c = cookies(res);
    expect(c.cy_refresh).toMatch(/; Max-Age=\d+/);
    expect(c.cy_refresh).toContain('Path=/v1/auth/refresh');
    expect(c.cy_refresh).toContain('HttpOnly');
    expect(c.cy_refresh).toContain('Secure');
    expect(c.cy_refresh).toContain('SameSite=Strict');
    expect(c.cy_csrf).toContain('Path=/');
    expect(c.cy_csrf).not.toContain('HttpOnly');
    expect(value(c.cy_csrf)).toBe(res.body.csrf_token);
    // without set_cookie nothing changes for API clients
    const plain = await sys.post('/v1/auth/login', { email: alice.email, password: alice.password });
    expect(plain.body.refresh_token).toEqual(expect.any(String));
    expect(plain.headers.getSetCookie()).toEqual([]);
  });

  it('refreshes from the cookie only with the CSRF token and from the same origin, rotating both cookies', async () => {
    const c = cookies(await login());
    const cookie = `cy_refresh=${value(c.cy_refresh)}; cy_csrf=${value(c.cy_csrf)}`;
    const noHeader = await sys.post('/v1/auth/refresh', {}, { headers: { cookie } });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.error.code).toBe('CSRF_FAILED');
    const wrong = await sys.post('/v1/auth/refresh', {}, { headers: { cookie, 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.body.error.code).toBe('CSRF_FAILED');
    const crossSite = await sys.post('/v1/auth/refresh', {}, { headers: { cookie, 'x-csrf-token': value(c.cy_csrf), origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    const fetchMeta = await sys.post('/v1/auth/refresh', {}, { headers: { cookie, 'x-csrf-token': value(c.cy_csrf), 'sec-fetch-site': 'cross-site' } });
    expect(fetchMeta.status).toBe(403);
    const noCookie = await sys.post('/v1/auth/refresh', {}, { headers: { 'x-csrf-token': value(c.cy_csrf) } });
    expect(noCookie.status).toBe(401);

    const ok = await sys.post('/v1/auth/refresh', {}, { headers: { cookie, 'x-csrf-token': value(c.cy_csrf), origin: sys.baseUrl, 'sec-fetch-site': 'same-origin' } });
    expect(ok.status).toBe(200);
    expect(ok.body.refresh_token).toBeUndefined();
    const next = cookies(ok);
    expect(value(next.cy_refresh)).not.toBe(value(c.cy_refresh));
    expect(value(next.cy_csrf)).toBe(ok.body.csrf_token);
    expect((await sys.get('/v1/auth/me', { token: ok.body.access_token })).status).toBe(200);
  });

  it('signing out ends the session and clears both cookies', async () => {
    const res = await login();
    const c = cookies(res);
    const out = await sys.post('/v1/auth/logout', undefined, { token: res.body.access_token });
    expect(out.status).toBe(204);
    const cleared = cookies(out);
    expect(cleared.cy_refresh).toMatch(/^cy_refresh=; Max-Age=0; Path=\/v1\/auth\/refresh/);
    expect(cleared.cy_csrf).toMatch(/^cy_csrf=; Max-Age=0; Path=\//);
    const again = await sys.post('/v1/auth/refresh', {}, {
      headers: { cookie: `cy_refresh=${value(c.cy_refresh)}`, 'x-csrf-token': value(c.cy_csrf) },
    });
    expect(again.status).toBe(401);
    expect(cookies(again).cy_refresh).toContain('Max-Age=0');
  });

  it('serves the dashboard at / and its pages with a strict CSP, and leaves the API and docs alone', async () => {
    const html = { accept: 'text/html,application/xhtml+xml' };
    const index = await sys.get('/', { headers: html });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.text).toContain('<div id="root">');
    const csp = index.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(index.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

    const deep = await sys.get('/jobs/some-id', { headers: html });
    expect(deep.status).toBe(200);
    expect(deep.text).toBe(index.text);

    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)![1];
    const js = await fetch(sys.baseUrl + script, { headers: { 'accept-encoding': 'gzip' } });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await js.text()).length).toBeGreaterThan(1000);
    const etag = js.headers.get('etag')!;
    expect((await fetch(sys.baseUrl + script, { headers: { 'if-none-match': etag } })).status).toBe(304);

    // API paths, unknown assets and non-browser requests keep the JSON 404
    for (const [path, headers] of [['/v1/nope', html], ['/assets/nope.js', html], ['/somewhere', {}]] as const) {
      const res = await sys.get(path, { headers });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
    }
    // the Swagger UI keeps the policy it needs
    const docs = await sys.get('/docs', { headers: html });
    expect(docs.headers.get('content-security-policy')).toContain('unsafe-inline');
  });
});
