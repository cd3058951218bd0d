/**
 * The auth guard's hot path, in process (no HTTP around it), old and new side by side in one run:
 * - old: the hand-written guard from before passport (bench/lib/legacy-auth-guard.ts), EdDSA
 *   access tokens verified with jose;
 * - new: the gateway's AuthGuard (passport strategies `api-key` then `access-token`), ES256
 *   access tokens verified with @nestjs/jwt.
 * The old guard runs ApiKeyAuthenticator's full check (checksum, HMAC, memory, one Redis GET on a
 * miss) as it always did; the new one accepts a key it has accepted before from memory, skipping
 * the checksum and HMAC (ApiKeyAuthenticator.fromMemory), so a second API key row forgets the key
 * before each call: passport plus the full check, the new guard's cost for a key it does not
 * remember. Likewise the new verifier keeps tokens it has verified until they expire (a poller
 * re-sends the same token), so a third access-token row times distinct tokens each seen once: the
 * cost of a cache miss. Sequential latency and throughput at 32 in
 * flight, old and new alternating in blocks so that the shared machine's load drift cancels
 * out, then the new/old ratio; and GET /v1/auth/me over HTTP for scale.
 */
import { deepStrictEqual } from 'node:assert';
import type { FastifyRequest } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { ApiKeyAuthenticator } from '../apps/gateway/src/auth/api-key.authenticator';
import { AuthGuard } from '../apps/gateway/src/auth/auth.guard';
import { RevokedSessions } from '../apps/gateway/src/auth/revoked-sessions';
import { SigningKeys } from '../apps/auth/src/tokens/signing-keys.service';
import { startSystem } from '../test/harness';
import { signUp } from '../test/helpers/users';
import { LegacyAuthGuard, LegacyJwtVerifier } from './lib/legacy-auth-guard';
import { report, summarize } from './lib/stats';

const N = Number(process.env.BENCH_ROUNDS ?? 2000);

async function timeEach(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

async function throughput(total: number, concurrency: number, fn: () => Promise<unknown>): Promise<number> {
  let left = total;
  const t = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) await fn();
    }),
  );
  return total / (Number(process.hrtime.bigint() - t) / 1e9);
}

/** An EdDSA access token for the same session, as the auth app signed them before ES256, and the JWKS to check it. */
async function legacyToken(u: { userId: string; sessionId: string }) {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const kid = 'legacy-eddsa';
  const token = await new SignJWT({ sid: u.sessionId, role: 'user' })
    .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
    .setSubject(u.userId)
    .setIssuer('clipyard')
    .setAudience('clipyard-api')
    .setIssuedAt()
    .setExpirationTime('1h')
    .setJti('bench')
    .sign(privateKey);
  return { token, jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' }] } };
}

async function main(): Promise<void> {
  const sys = await startSystem({ apps: ['auth', 'billing', 'gateway'], env: { LOG_LEVEL: 'error' } });
  try {
    const u = await signUp(sys);
    const gw = sys.apps.gateway!;
    const legacy = await legacyToken(u);
    const oldGuard = new LegacyAuthGuard(
      new LegacyJwtVerifier(legacy.jwks, { issuer: 'clipyard', audience: 'clipyard-api' }, gw.get(RevokedSessions)),
      gw.get(ApiKeyAuthenticator),
    );
    const newGuard = gw.get(AuthGuard);
    const req = (headers: Record<string, string>) => ({ headers, ip: '127.0.0.1' }) as unknown as FastifyRequest;
    // Distinct tokens of the same session, each seen once: the new guard's cost on a cache miss.
    const signer = sys.apps.auth!.get(SigningKeys);
    const fresh: string[] = [];
    for (let i = 0; i < N * 3 + 400; i++) fresh.push((await signer.sign({ sub: u.userId, sid: u.sessionId, role: 'user' })).token);
    let nextFresh = 0;
    // The keys the new guard remembers (private: only this bench reaches in, to time the full check).
    const remembered = (gw.get(ApiKeyAuthenticator) as unknown as { remembered: Map<string, string> }).remembered;
    // Both guards must yield the same caller, or the figures compare different work.
    deepStrictEqual(await newGuard.authenticate(req({ 'x-api-key': u.apiKey })), await oldGuard.authenticate(req({ 'x-api-key': u.apiKey })));
    deepStrictEqual(await newGuard.authenticate(req({ 'x-api-key': u.apiKey })), await oldGuard.authenticate(req({ 'x-api-key': u.apiKey })));
    if (!remembered.has(u.apiKey)) throw new Error('the new guard does not remember the key: the figures would time the full check');
    deepStrictEqual(await newGuard.authenticate(req({ authorization: `Bearer ${u.accessToken}` })), await oldGuard.authenticate(req({ authorization: `Bearer ${legacy.token}` })));
    const cases = [
      { credential: 'API key', guard: 'old (hand-written)', fn: () => oldGuard.authenticate(req({ 'x-api-key': u.apiKey })) },
      { credential: 'API key', guard: 'new (passport), key remembered', fn: () => newGuard.authenticate(req({ 'x-api-key': u.apiKey })) },
      {
        credential: 'API key',
        guard: 'new, key not remembered (full check)',
        fn: () => {
          remembered.delete(u.apiKey);
          return newGuard.authenticate(req({ 'x-api-key': u.apiKey }));
        },
      },
      { credential: 'access token', guard: 'old (jose EdDSA)', fn: () => oldGuard.authenticate(req({ authorization: `Bearer ${legacy.token}` })) },
      { credential: 'access token', guard: 'new (passport, @nestjs/jwt ES256)', fn: () => newGuard.authenticate(req({ authorization: `Bearer ${u.accessToken}` })) },
      { credential: 'access token', guard: 'new, first sight of each token', fn: () => newGuard.authenticate(req({ authorization: `Bearer ${fresh[nextFresh++]}` })) },
    ];
    for (const c of cases) for (let i = 0; i < 200; i++) await c.fn(); // warm up (JIT, caches)
    // Old and new alternate in blocks (the machine is shared: load drifts over a run), then pool.
    const BLOCKS = 8;
    const samples = cases.map(() => [] as number[]);
    const opsTime = cases.map(() => 0);
    for (let b = 0; b < BLOCKS; b++) {
      for (const [i, c] of cases.entries()) {
        samples[i].push(...(await timeEach(N / BLOCKS, c.fn)));
        opsTime[i] += (N * 2) / BLOCKS / (await throughput((N * 2) / BLOCKS, 32, c.fn));
      }
    }
    const rows: Array<Record<string, string | number>> = cases.map((c, i) => {
      const s = summarize(samples[i]);
      return { credential: c.credential, guard: c.guard, n: s.n, 'mean µs': s.mean * 1000, 'p50 µs': s.p50 * 1000, 'p99 µs': s.p99 * 1000, 'ops/s @32': Math.round((N * 2) / opsTime[i]) };
    });
    report('auth guard, in process: old vs new, same run', rows);
    const ratio = (a: Record<string, string | number>, b: Record<string, string | number>) => ({
      credential: a.credential,
      'new/old mean latency': Number(b['mean µs']) / Number(a['mean µs']),
      'new/old ops/s': Number(b['ops/s @32']) / Number(a['ops/s @32']),
    });
    report('new guard relative to old (goal: within 10 %)', [
      ratio(rows[0], rows[1]),
      { ...ratio(rows[0], rows[2]), credential: 'API key, not remembered' },
      ratio(rows[3], rows[4]),
      { ...ratio(rows[3], rows[5]), credential: 'access token, uncached' },
    ]);
    const http = summarize(await timeEach(Math.min(N, 300), () => sys.get('/v1/auth/me', { apiKey: u.apiKey })));
    report('GET /v1/auth/me over HTTP (guard + one RPC to auth)', [{ n: http.n, 'p50 ms': http.p50, 'p99 ms': http.p99 }]);
  } finally {
    await sys.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
