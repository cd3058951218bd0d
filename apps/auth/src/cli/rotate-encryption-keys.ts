/**
 * `node dist/apps/auth/src/cli/rotate-encryption-keys.js`: after adding a new version to
 * ENCRYPTION_KEYS (and deploying it everywhere), re-seals every provider key, signing key and TOTP secret under
 * it, online, in small locked batches, and reports how many rows moved.
 */
import { NestFactory } from '@nestjs/core';
import { AuthAppModule } from '../app.module';
import { loadAuthConfig } from '../config';
import { authReplHelpers } from '../admin/repl-helpers';

async function main(): Promise<void> {
  const config = loadAuthConfig();
  const ctx = await NestFactory.createApplicationContext(AuthAppModule.forRoot({ ...config, LOG_LEVEL: 'warn' }, undefined, { background: false }), {
    logger: ['error'],
  });
  try {
    const r = await authReplHelpers((t) => ctx.get(t)).keyring.rotateEncryptionKeys();
    process.stdout.write(`re-sealed ${r.providerKeys} provider key(s), ${r.signingKeys} signing key(s) and ${r.totpSecrets} TOTP secret(s) under version ${r.version}\n`);
  } finally {
    await ctx.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`rotate-encryption-keys: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
