/**
 * Starts the real local OpenID Connect provider (test/fakes/oidc-provider.mjs, `oidc-provider`)
 * in a child process — it is ESM-only, and jest runs this suite as CommonJS — and plays the
 * browser in front of it: follows its redirects with a cookie jar until it sends the browser
 * back to the client's callback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './own-services';

export interface OidcAccount {
  sub: string;
  email: string | null;
  email_verified: boolean;
  name?: string;
}

export interface LocalOidcProvider {
  issuer: string;
  port: number;
  /** Who signs in at the provider's login page next (in a fresh browser: the cookie jar is emptied). */
  nextLogin(account: OidcAccount): Promise<void>;
  /** Opens `url` like a browser and follows redirects until one leaves the provider; returns that URL. */
  browse(url: string): Promise<URL>;
  stop(): Promise<void>;
}

export async function startOidcProvider(opts: { clientId: string; clientSecret: string; redirectUris: string[]; port?: number }): Promise<LocalOidcProvider> {
  const port = opts.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, '..', 'fakes', 'oidc-provider.mjs')], {
    env: { ...process.env, NODE_ENV: 'development', OIDC_FAKE_CONFIG: JSON.stringify({ port, ...opts }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (d) => (errors += String(d)));
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`OIDC provider did not start: ${errors}`)), 20_000);
    child.stdout!.on('data', (d) => {
      const m = /READY (\S+)/.exec(String(d));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`OIDC provider exited (${code}): ${errors}`)));
  });
  const origin = new URL(issuer).origin;
  const jar = new Map<string, string>();
  return {
    issuer,
    port,
    async nextLogin(account) {
      jar.clear(); // a fresh browser: no provider session left from the previous sign-in
      const res = await fetch(`${issuer}/_test/next-login`, { method: 'POST', body: JSON.stringify(account) });
      if (res.status !== 204) throw new Error(`next-login: ${res.status}`);
    },
    async browse(url) {
      let next = new URL(url);
      for (let i = 0; i < 12 && next.origin === origin; i++) {
        const res = await fetch(next, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
        for (const c of res.headers.getSetCookie()) {
          const [pair] = c.split(';');
          const eq = pair.indexOf('=');
          const name = pair.slice(0, eq).trim();
          const value = pair.slice(eq + 1).trim();
          if (!value || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name);
          else jar.set(name, value);
        }
        const loc = res.headers.get('location');
        if (!loc) throw new Error(`the provider answered ${res.status} without a redirect: ${(await res.text()).slice(0, 300)}`);
        next = new URL(loc, next);
      }
      return next;
    },
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      });
    },
  };
}
