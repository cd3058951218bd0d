/**
 * A local stand-in for GitHub's OAuth app endpoints and the two REST calls sign-in makes, on
 * 127.0.0.1 (as a GitHub Enterprise Server would be: `<url>/login/oauth/…`, `<url>/api/v3/…`).
 * It checks what GitHub checks: the client secret (HTTP Basic), the redirect_uri, single-use codes
 * and the PKCE S256 verifier. `nextLogin` says who signs in at the authorize page.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GithubUser {
  id: number;
  login: string;
  name: string | null;
  emails: { email: string; primary: boolean; verified: boolean }[];
}

export interface GithubStandIn {
  url: string;
  nextLogin(user: GithubUser): void;
  close(): Promise<void>;
}

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', () => resolve(s));
  });

export async function startGithub(opts: { clientId: string; clientSecret: string }): Promise<GithubStandIn> {
  let next: GithubUser | null = null;
  const codes = new Map<string, { user: GithubUser; redirectUri: string; challenge: string }>();
  const tokens = new Map<string, GithubUser>();
  const server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, v: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(v));
    if (req.method === 'GET' && u.pathname === '/login/oauth/authorize') {
      const q = u.searchParams;
      if (q.get('client_id') !== opts.clientId || !next || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) return json(400, { error: 'bad_request' });
      const code = randomBytes(10).toString('hex');
      codes.set(code, { user: next, redirectUri: q.get('redirect_uri')!, challenge: q.get('code_challenge')! });
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      return res.writeHead(302, { location: back.toString() }).end();
    }
    if (req.method === 'POST' && u.pathname === '/login/oauth/access_token') {
      const form = new URLSearchParams(await body(req));
      const basic = Buffer.from(`${encodeURIComponent(opts.clientId)}:${encodeURIComponent(opts.clientSecret)}`).toString('base64');
      if (req.headers.authorization !== `Basic ${basic}`) return json(401, { error: 'incorrect_client_credentials' });
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      if (!grant || grant.redirectUri !== form.get('redirect_uri') || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
        return json(200, { error: 'bad_verification_code' }); // GitHub answers 200 with an error body
      }
      const token = `gho_${randomBytes(16).toString('hex')}`;
      tokens.set(token, grant.user);
      return json(200, { access_token: token, token_type: 'bearer', scope: 'read:user,user:email' });
    }
    const who = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (u.pathname.startsWith('/api/v3/') && !who) return json(401, { message: 'Bad credentials' });
    if (u.pathname === '/api/v3/user') return json(200, { id: who!.id, login: who!.login, name: who!.name });
    if (u.pathname === '/api/v3/user/emails') return json(200, who!.emails);
    json(404, { message: 'Not Found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    nextLogin: (user) => void (next = user),
    close: () => new Promise((r) => {
      server.close(() => r());
      server.closeAllConnections(); // keep-alive sockets of the OAuth client would hold close() open
    }),
  };
}
