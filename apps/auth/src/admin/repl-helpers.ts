import type { Type } from '@nestjs/common';
import { z } from 'zod';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { MfaSecretsRotation } from '../mfa/mfa-secrets-rotation';
import { ProviderKeysService } from '../provider-keys/provider-keys.service';
import { SigningKeys } from '../tokens/signing-keys.service';
import { AccountService } from '../users/account.service';
import { UsersService } from '../users/users.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxConsumer } from '../outbox/outbox.consumer';

function arg<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new Error(`${name}: ${r.error.issues.map((i) => `${i.path.join('.') || 'value'} ${i.message}`).join('; ')}`);
  return r.data;
}

/**
 * Admin helpers of the auth REPL (`npm run repl -- auth`): users, API keys and key rotation. They
 * go through auth's own services, so every rule (password policy, key limit, cache updates,
 * audit events) applies exactly as over RPC.
 */
export function authReplHelpers(get: <T>(type: Type<T>) => T) {
  const users = get(UsersService);
  const account = get(AccountService);
  const apiKeys = get(ApiKeysService);
  const providerKeys = get(ProviderKeysService);
  const signing = get(SigningKeys);
  const mfaSecrets = get(MfaSecretsRotation);
  const outboxRows = get(OutboxRepository);
  const outboxConsumer = get(OutboxConsumer);
  /** A user id, or an email / username to look up. */
  const resolve = async (who: string): Promise<string> => {
    const value = arg(z.string().min(1), who, 'user');
    if (/^[0-9a-f-]{36}$/i.test(value)) return value;
    const u = await users.findForLogin(value);
    if (!u) throw new Error(`no user ${value}`);
    return u.id;
  };
  const keyring = {
    /** Re-seals every provider key, signing key and TOTP secret under the newest ENCRYPTION_KEYS version; reports counts. */
    rotateEncryptionKeys: async () => ({
      providerKeys: await providerKeys.rotate(),
      signingKeys: await signing.reseal(),
      totpSecrets: await mfaSecrets.rotate(),
      version: providerKeys.ring.current,
    }),
    /** Starts signing access tokens with a new key; the old kid stays valid until its tokens expire. */
    rotateSigningKey: async () => ({ kid: await signing.rotate() }),
    /** Re-seals every stored provider key under the newest ENCRYPTION_KEYS version; reports how many. */
    rotateProviderKeys: async () => ({ providerKeys: await providerKeys.rotate(), version: providerKeys.ring.current }),
  };
  return {
    users: {
      /** Creates a user (`role`: user | admin); password policy applies. */
      create: (email: string, password: string, role: 'user' | 'admin' = 'user') =>
        users.create({ email, password, role: arg(z.enum(['user', 'admin']), role, 'role') }),
      get: async (who: string) => users.get(await resolve(who)),
      /** Same as get: by id, email or username. */
      find: async (who: string) => users.get(await resolve(who)),
      setRole: async (who: string, role: 'user' | 'admin') => account.setRole(await resolve(who), arg(z.enum(['user', 'admin']), role, 'role')),
      /** Disables sign-in, revokes sessions; the user's API keys are refused on the next request. */
      deactivate: async (who: string) => account.setActive(await resolve(who), false),
      reactivate: async (who: string) => account.setActive(await resolve(who), true),
    },
    keys: {
      list: async (who: string) => (await apiKeys.list(await resolve(who))).data,
      /** Issues an API key; the secret is in the result's `key`, shown once. */
      issue: async (who: string, name = 'repl', expiresInDays?: number) =>
        apiKeys.create({ userId: await resolve(who), name, expires_in_days: expiresInDays }),
      revoke: async (who: string, keyId: string) => apiKeys.revoke(await resolve(who), arg(z.string().uuid(), keyId, 'keyId')),
    },
    outbox: {
      /** Rows per status (pending, sent, failed). */
      counts: () => outboxRows.counts(),
      /** A user's outbox rows (never their sealed content). */
      of: async (who: string) => outboxRows.listForUser(await resolve(who)),
      /** Rows that ran out of attempts, with their last error. */
      failed: () => outboxRows.failedRows(),
      /** Puts failed rows (all, or the given ids) back to pending and enqueues them. */
      retryFailed: async (ids?: string[]) => {
        const back = await outboxRows.resetFailed(ids);
        await outboxConsumer.sweep(0); // re-runs their exhausted jobs (or enqueues them anew)
        return { requeued: back.length };
      },
    },
    keyring,
    /** The same helpers under the name the admin guide uses (`crypto.rotateProviderKeys()`). */
    crypto: keyring,
  };
}
