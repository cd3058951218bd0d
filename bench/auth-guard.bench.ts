/**
 * The auth guard's hot path, in process (no HTTP around it): an API key (checksum, HMAC, one
 * Redis GET) and an access token (local EdDSA verify against the cached JWKS), sequential
 * latency and concurrent throughput; and GET /v1/auth/me over HTTP for scale (that route adds an
 * RPC to the auth app, which the guard itself never does on a cache hit).
 */
import type { FastifyRequest } from 'fastify';
import { Reflector } from '@nestjs/core';
import { ApiKeyAuthenticator } from '../apps/gateway/src/auth/api-key.authenticator';
import { AuthGuard } from '../apps/gateway/src/auth/auth.guard';
import { JwtVerifier } from '../apps/gateway/src/auth/jwt.verifier';
import { RequestRateLimit } from '../apps/gateway/src/auth/request-rate-limit';
import { startSystem } from '../test/harness';
import { signUp } from '../test/helpers/users';
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
  const t = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) await fn();
    }),
  );
  return total / ((Date.now() - t) / 1000);
}

async function main(): Promise<void> {
  const sys = await startSystem({ apps: ['auth', 'gateway'], env: { LOG_LEVEL: 'error' } });
  try {
    const u = await signUp(sys);
    const gw = sys.apps.gateway!;
    const guard = new AuthGuard(new Reflector(), gw.get(JwtVerifier), gw.get(ApiKeyAuthenticator), gw.get(RequestRateLimit));
    const req = (headers: Record<string, string>) => ({ headers, ip: '127.0.0.1' }) as unknown as FastifyRequest;
    const viaKey = () => guard.authenticate(req({ 'x-api-key': u.apiKey }));
    const viaJwt = () => guard.authenticate(req({ authorization: `Bearer ${u.accessToken}` }));
    await viaKey();
    await viaJwt();
    const rows = [];
    for (const [name, fn] of [
      ['API key (memory; Redis on a miss)', viaKey],
      ['access token (local EdDSA)', viaJwt],
    ] as const) {
      const s = summarize(await timeEach(N, fn));
      rows.push({ credential: name, n: s.n, 'p50 ms': s.p50, 'p99 ms': s.p99, 'ops/s @32': Math.round(await throughput(N * 2, 32, fn)) });
    }
    report('auth guard, in process', rows);
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
