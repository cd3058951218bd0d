/**
 * Enumeration by timing: POST /v1/auth/password/forgot and /v1/auth/magic-link for an address
 * that has an account and one that has none, interleaved, over HTTP through the gateway and the
 * auth app (SMTP unset: the emails become .eml files in a temporary folder). The routes answer
 * before looking the address up, so the two distributions should match; the bench prints both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSystem } from '../test/harness';
import { signUp, strongPassword } from '../test/helpers/users';
import { report, summarize } from './lib/stats';

const N = Number(process.env.BENCH_ROUNDS ?? 300);

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-mail-'));
  const sys = await startSystem({
    apps: ['auth', 'billing', 'gateway'],
    env: { LOG_LEVEL: 'error', MAIL_DIR: dir, SMTP_URL: '', EMAIL_FLOW_IP_PER_HOUR: '100000', EMAIL_FLOW_PER_EMAIL_PER_HOUR: '100000' },
  });
  try {
    const known = (await signUp(sys, { password: strongPassword() })).email;
    const rows = [];
    for (const route of ['/v1/auth/password/forgot', '/v1/auth/magic-link']) {
      // 'unknown (same)' is one address without an account, asked for every round: it tells a
      // difference between known and unknown apart from one between a repeated and a new address.
      const WHO = ['known', 'unknown', 'unknown (same)'] as const;
      const times: Record<(typeof WHO)[number], number[]> = { known: [], unknown: [], 'unknown (same)': [] };
      const nobody = `nobody-${Date.now()}@example.test`;
      for (let i = 0; i < N; i++) {
        // rotate the order so that none always follows the same one
        for (const who of [0, 1, 2].map((k) => WHO[(i + k) % 3])) {
          const email = who === 'known' ? known : who === 'unknown' ? `nobody-${i}@example.test` : nobody;
          const t = process.hrtime.bigint();
          const res = await sys.post(route, { email });
          if (res.status !== 202) throw new Error(`${route}: ${res.status} ${res.text}`);
          times[who].push(Number(process.hrtime.bigint() - t) / 1e6);
        }
      }
      for (const who of WHO) {
        const s = summarize(times[who]);
        rows.push({ route, address: who, n: s.n, 'p50 ms': s.p50, 'p99 ms': s.p99, 'mean ms': s.mean });
      }
    }
    report('email flows: reply time for a known and an unknown address', rows);
  } finally {
    await sys.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
