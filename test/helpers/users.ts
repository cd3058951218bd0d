/**
 * Shared e2e helpers for accounts. Other specs build on these; keep the signatures stable.
 *   const alice = await signUp(sys);                 // user + tokens + an API key, over HTTP
 *   await sys.get('/v1/…', { apiKey: alice.apiKey }) // or { token: alice.accessToken }
 *   await makeAdmin(sys, alice.userId);              // her API key is admin on the next request
 */
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { API_KEY_SCOPES } from '@clipyard/contracts';
import { ApiKeysService } from '../../apps/auth/src/api-keys/api-keys.service';
import { AccountService } from '../../apps/auth/src/users/account.service';
import { uniqueEmail, type System } from '../harness';

export interface SignUpOptions {
  email?: string;
  password?: string;
  username?: string;
  fullName?: string;
  /** Name of the API key created for the user. */
  keyName?: string;
}

export interface TestUser {
  userId: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  apiKey: string;
  apiKeyId: string;
}

/** A password that passes the policy. */
export const strongPassword = () => `Cy-${randomBytes(9).toString('base64url')}-7`;

function expectStatus(res: { status: number; text: string }, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.text}`);
}

/** Registers a user over HTTP, signs in and creates an API key. */
export async function signUp(sys: System, opts: SignUpOptions = {}): Promise<TestUser> {
  const email = opts.email ?? uniqueEmail();
  const password = opts.password ?? strongPassword();
  const reg = await sys.post('/v1/auth/register', {
    email,
    password,
    ...(opts.username ? { username: opts.username } : {}),
    ...(opts.fullName ? { full_name: opts.fullName } : {}),
  });
  expectStatus(reg, 201, 'register');
  const login = await sys.post('/v1/auth/login', { email, password });
  expectStatus(login, 200, 'login');
  const key = await sys.post('/v1/api-keys', { name: opts.keyName ?? 'test' }, { token: login.body.access_token });
  expectStatus(key, 201, 'create API key');
  return {
    userId: reg.body.id,
    email,
    password,
    accessToken: login.body.access_token,
    refreshToken: login.body.refresh_token,
    sessionId: login.body.session_id,
    apiKey: key.body.key,
    apiKeyId: key.body.id,
  };
}

/**
 * Makes a user an admin through the auth app's service, and gives the user's unscoped API keys
 * every scope including `admin` (as an admin creating a key with the admin scope would), so
 * `user.apiKey` reaches admin routes. API keys carry the role from the very next request; access
 * tokens carry it from the next login or refresh (use the API key, or sign in again).
 */
export async function makeAdmin(sys: System, userId: string): Promise<void> {
  const auth = sys.apps.auth;
  if (!auth) throw new Error('makeAdmin needs the auth app running');
  await auth.get(DataSource).query(`UPDATE api_keys SET scopes = $2 WHERE user_id = $1 AND scopes = '{}'`, [userId, [...API_KEY_SCOPES]]);
  await auth.get(AccountService).setRole(userId, 'admin');
  await auth.get(ApiKeysService).refreshUserKeys(userId);
}
