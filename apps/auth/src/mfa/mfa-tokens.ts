import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { SessionEntity } from '@clipyard/database';
import { AuthRedis } from '../common/redis.provider';

/** How long a password (or magic-link) sign-in waits for its second factor. */
export const MFA_TOKEN_TTL_S = 300;

export interface PendingSignIn {
  userId: string;
  method: SessionEntity['method'];
}

const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Sign-ins waiting for their second factor, in Redis for MFA_TOKEN_TTL_S under a hash of the
 * token (Redis never holds a usable token). Spending is a single DEL: one use, however raced.
 */
@Injectable()
export class MfaTokens {
  constructor(private readonly redis: AuthRedis) {}

  async issue(p: PendingSignIn): Promise<string> {
    const token = `mfa_${randomBytes(32).toString('base64url')}`;
    await this.redis.client.set(this.redis.key('mfa', keyOf(token)), JSON.stringify(p), 'EX', MFA_TOKEN_TTL_S);
    return token;
  }

  async peek(token: string): Promise<PendingSignIn | null> {
    if (!/^mfa_[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const raw = await this.redis.client.get(this.redis.key('mfa', keyOf(token)));
    return raw ? (JSON.parse(raw) as PendingSignIn) : null;
  }

  /** True for exactly one caller. */
  async spend(token: string): Promise<boolean> {
    return (await this.redis.client.del(this.redis.key('mfa', keyOf(token)))) === 1;
  }
}
