/**
 * A real OpenID Connect provider (the `oidc-provider` package, ESM-only, hence a child process of
 * the test) on 127.0.0.1. Config comes as JSON in OIDC_FAKE_CONFIG: { port, clientId,
 * clientSecret, redirectUris }. It prints `READY <issuer>` once listening.
 *
 * Who signs in: the login interaction signs in the account last posted to `POST /_test/next-login`
 * ({ sub, email, email_verified, name }) — the test plays the person at the provider's login page.
 * Consent is granted (a first-party app). PKCE is required, as for any client.
 */
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const cfg = JSON.parse(process.env.OIDC_FAKE_CONFIG ?? '{}');
const issuer = `http://127.0.0.1:${cfg.port}`;
const accounts = new Map();
let nextLogin = null;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: cfg.clientId,
      client_secret: cfg.clientSecret,
      redirect_uris: cfg.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  async findAccount(_ctx, id) {
    const a = accounts.get(id);
    return a ? { accountId: id, claims: async () => ({ sub: id, email: a.email, email_verified: a.email_verified, name: a.name }) } : undefined;
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // Like Google: the ID token carries the email claims.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  pkce: { required: () => true },
  cookies: { keys: ['clipyard-test-oidc-cookies'] },
  ttl: { AuthorizationCode: 60, IdToken: 300, AccessToken: 300, Interaction: 600, Session: 600, Grant: 600 },
});
provider.on('server_error', (_ctx, err) => console.error('oidc-provider server_error', err));

const callback = provider.callback();
const readJson = (req) =>
  new Promise((resolve, reject) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(s || '{}'));
      } catch (e) {
        reject(e);
      }
    });
  });

const server = createServer(async (req, res) => {
  try {
    if (req.method === 'POST' && req.url === '/_test/next-login') {
      const a = await readJson(req);
      accounts.set(a.sub, a);
      nextLogin = a.sub;
      res.writeHead(204).end();
      return;
    }
    if (req.url?.startsWith('/interaction/')) {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name !== 'login' || !nextLogin) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(`unexpected prompt ${details.prompt.name}`);
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: nextLogin } }, { mergeWithLastSubmission: false });
      return;
    }
    callback(req, res);
  } catch (err) {
    console.error(err);
    if (!res.headersSent) res.writeHead(500).end(String(err));
  }
});
server.listen(cfg.port, '127.0.0.1', () => console.log(`READY ${issuer}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
