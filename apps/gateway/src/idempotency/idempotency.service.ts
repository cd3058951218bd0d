import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '@clipyard/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { IdempotencyRepository, type StoredResponse } from './idempotency.repository';

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` fingerprint the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Stripe-style Idempotency-Key handling, scoped per user and kept IDEMPOTENCY_TTL_S:
 * same key and same request → the stored response (and so the same job); same key with another
 * request → 422 IDEMPOTENCY_KEY_REUSED; the first still running → 409 IDEMPOTENCY_KEY_IN_USE.
 * Only successful responses are stored: a request that failed changed nothing (the submission
 * rolls back), so its key is freed and may be retried.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly repo: IdempotencyRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  fingerprint(scope: string, body: unknown): string {
    return createHash('sha256').update(scope).update('\n').update(canonicalJson(body)).digest('hex');
  }

  async run(
    userId: string,
    key: string | undefined,
    requestHash: string,
    fn: () => Promise<StoredResponse>,
  ): Promise<StoredResponse & { replayed: boolean }> {
    if (key === undefined) return { ...(await fn()), replayed: false };
    if (!KEY_PATTERN.test(key)) {
      throw new AppError('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 1-255 printable ASCII characters', {
        header: 'Idempotency-Key',
      });
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const { IDEMPOTENCY_TTL_S: ttl, IDEMPOTENCY_LOCK_TTL_S: lockTtl } = this.config;
      if (await this.repo.claim(userId, key, requestHash, ttl, lockTtl)) {
        let res: StoredResponse;
        try {
          res = await fn();
        } catch (err) {
          await this.repo.release(userId, key, requestHash).catch(() => undefined);
          throw err;
        }
        await this.repo.complete(userId, key, requestHash, res);
        return { ...res, replayed: false };
      }
      const row = await this.repo.find(userId, key);
      if (!row) continue; // freed or expired between our claim and our read: claim again
      if (row.requestHash !== requestHash) {
        throw new AppError(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was already used with a different request; use a new key',
          { header: 'Idempotency-Key' },
        );
      }
      if (row.state === 'in_flight' || !row.response) {
        throw new AppError('IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is still being processed', undefined, undefined, {
          'Retry-After': '1',
        });
      }
      return { ...row.response, replayed: true };
    }
    throw new AppError('IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is still being processed', undefined, undefined, {
      'Retry-After': '1',
    });
  }
}
