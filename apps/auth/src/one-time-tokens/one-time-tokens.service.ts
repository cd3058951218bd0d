import { createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@clipyard/database';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { OneTimeTokensRepository, type OneTimeTokenRow, type TokenPurpose } from './one-time-tokens.repository';

/** `ot_` + 43 base64url characters: 256 random bits. */
const TOKEN_RE = /^ot_[A-Za-z0-9_-]{43}$/;
const CODE_RE = /^\d{6}$/;

/**
 * Link tokens (256-bit, random) and 6-digit codes for the email flows. Only HMACs (keyed with
 * API_KEY_PEPPER, so a database dump alone cannot test guesses) are stored; a code's HMAC is
 * bound to its token row and compared in constant time.
 */
@Injectable()
export class OneTimeTokens {
  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly repo: OneTimeTokensRepository,
  ) {}

  async issue(
    tx: Tx,
    p: { purpose: TokenPurpose; userId: string | null; email: string; ttlMinutes: number; withCode: boolean },
  ): Promise<{ token: string; code?: string }> {
    const id = randomUUID();
    const token = `ot_${randomBytes(32).toString('base64url')}`;
    const code = p.withCode ? String(randomInt(0, 1_000_000)).padStart(6, '0') : undefined;
    await this.repo.issue(
      {
      id,
      purpose: p.purpose,
      userId: p.userId,
      email: p.email,
      tokenHash: this.tokenHash(token),
      codeHash: code ? this.codeHash(id, code) : null,
      ttlMs: p.ttlMinutes * 60_000,
      },
      tx,
    );
    return { token, code };
  }

  /** The live token's row, consumed; null for a malformed, unknown, expired or used token. */
  async consumeToken(purpose: TokenPurpose, token: string, tx?: Tx): Promise<OneTimeTokenRow | null> {
    if (!TOKEN_RE.test(token)) return null;
    return this.repo.consumeByHash(purpose, this.tokenHash(token), tx);
  }

  /**
   * Checks a code against the newest live token of (purpose, email): every try counts, the fifth
   * wrong one kills the token. Returns the consumed row when the code matched.
   */
  async consumeCode(purpose: TokenPurpose, email: string, code: string): Promise<OneTimeTokenRow | null> {
    const candidate = CODE_RE.test(code) ? code : '000000x';
    const row = await this.repo.takeCodeAttempt(purpose, email);
    if (!row?.codeHash) {
      this.codeHash('00000000-0000-0000-0000-000000000000', candidate); // same work whether or not a token exists
      return null;
    }
    const expected = Buffer.from(row.codeHash, 'hex');
    const actual = Buffer.from(this.codeHash(row.id, candidate), 'hex');
    if (!CODE_RE.test(code) || !timingSafeEqual(expected, actual)) return null;
    return this.repo.consumeById(row.id);
  }

  tokenHash(token: string): string {
    return createHmac('sha256', this.config.API_KEY_PEPPER).update(`one-time-token:${token}`).digest('hex');
  }

  private codeHash(id: string, code: string): string {
    return createHmac('sha256', this.config.API_KEY_PEPPER).update(`one-time-code:${id}:${code}`).digest('hex');
  }
}
