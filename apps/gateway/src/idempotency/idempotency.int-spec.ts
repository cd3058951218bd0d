import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError } from '@clipyard/contracts';
import { createDataSource, Database, GATEWAY_ENTITIES } from '@clipyard/database';
import { loadGatewayConfig } from '../config';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyService } from './idempotency.service';

describe('IdempotencyService (PostgreSQL)', () => {
  let ds: DataSource;
  let svc: IdempotencyService;
  const user = randomUUID();
  const ok = (body: unknown) => async () => ({ status: 202, body, headers: { Location: '/v1/jobs/x' } });

  beforeAll(async () => {
    ds = await createDataSource({ url: process.env.DATABASE_URL!, entities: GATEWAY_ENTITIES }).initialize();
    svc = new IdempotencyService(new IdempotencyRepository(new Database(ds)), loadGatewayConfig({ ...process.env, IDEMPOTENCY_LOCK_TTL_S: '1' }));
  });
  afterAll(() => ds.destroy());

  it('replays the stored response for the same key and body, and runs the work once', async () => {
    const key = randomUUID();
    const hash = svc.fingerprint('POST /v1/jobs/trim', { b: 1, a: [1, 2] });
    let runs = 0;
    const work = async () => ({ status: 202, body: { id: `job-${++runs}` }, headers: { Location: '/x' } });
    const first = await svc.run(user, key, hash, work);
    const again = await svc.run(user, key, svc.fingerprint('POST /v1/jobs/trim', { a: [1, 2], b: 1 }), work);
    expect(first).toMatchObject({ status: 202, body: { id: 'job-1' }, replayed: false });
    expect(again).toEqual({ status: 202, body: { id: 'job-1' }, headers: { Location: '/x' }, replayed: true });
    expect(runs).toBe(1);
  });

  it('refuses the same key with a different body (422) and scopes keys per user', async () => {
    const key = randomUUID();
    await svc.run(user, key, svc.fingerprint('s', { start: 1 }), ok({ id: 1 }));
    await expect(svc.run(user, key, svc.fingerprint('s', { start: 2 }), ok({ id: 2 }))).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      httpStatus: 422,
    });
    const other = await svc.run(randomUUID(), key, svc.fingerprint('s', { start: 2 }), ok({ id: 3 }));
    expect(other).toMatchObject({ body: { id: 3 }, replayed: false });
  });

  it('answers 409 while the first request is still in flight', async () => {
    const key = randomUUID();
    const hash = svc.fingerprint('s', { x: 1 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = svc.run(user, key, hash, async () => {
      await gate;
      return { status: 202, body: { id: 'slow' }, headers: {} };
    });
    await new Promise((r) => setTimeout(r, 50));
    const second = await svc.run(user, key, hash, ok({ id: 'fast' })).catch((e: AppError) => e);
    expect(second).toBeInstanceOf(AppError);
    expect((second as AppError).code).toBe('IDEMPOTENCY_KEY_IN_USE');
    expect((second as AppError).httpStatus).toBe(409);
    release();
    await expect(first).resolves.toMatchObject({ body: { id: 'slow' } });
    await expect(svc.run(user, key, hash, ok({ id: 'late' }))).resolves.toMatchObject({ body: { id: 'slow' }, replayed: true });
  });

  it('frees the key when the request fails, so a retry runs the work', async () => {
    const key = randomUUID();
    const hash = svc.fingerprint('s', { y: 1 });
    await expect(
      svc.run(user, key, hash, async () => {
        throw new AppError('QUOTA_EXCEEDED', 'no');
      }),
    ).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
    await expect(svc.run(user, key, hash, ok({ id: 'retried' }))).resolves.toMatchObject({ body: { id: 'retried' }, replayed: false });
  });

  it('takes over a stale in-flight claim, and treats expired keys as unused', async () => {
    const stale = randomUUID();
    const hash = svc.fingerprint('s', { z: 1 });
    await ds.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, state, locked_at, expires_at)
       VALUES ($1, $2, $3, 'in_flight', now() - interval '5 seconds', now() + interval '1 hour')`,
      [user, stale, hash],
    );
    await expect(svc.run(user, stale, hash, ok({ id: 'recovered' }))).resolves.toMatchObject({ body: { id: 'recovered' } });

    const expired = randomUUID();
    await ds.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, state, response_status, response_body, expires_at)
       VALUES ($1, $2, 'other', 'done', 202, '{"id":"old"}', now() - interval '1 second')`,
      [user, expired],
    );
    await expect(svc.run(user, expired, hash, ok({ id: 'new' }))).resolves.toMatchObject({ body: { id: 'new' }, replayed: false });
  });

  it('rejects malformed keys', async () => {
    await expect(svc.run(user, 'has space', 'h', ok({}))).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID', httpStatus: 400 });
    await expect(svc.run(user, 'x'.repeat(256), 'h', ok({}))).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID' });
  });
});
