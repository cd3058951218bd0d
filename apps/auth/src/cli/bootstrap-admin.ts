/**
 * `node dist/apps/auth/src/cli/bootstrap-admin.js` (run by `npm start` before the apps): creates
 * the first admin and an API key once, and prints them once. Running it again changes nothing.
 */
import { NestFactory } from '@nestjs/core';
import { ConfigError } from '@clipyard/config';
import { AppError } from '@clipyard/contracts';
import { AuthAppModule } from '../app.module';
import { loadAuthConfig } from '../config';
import { BootstrapService } from '../admin/bootstrap.service';

async function main(): Promise<void> {
  const config = loadAuthConfig();
  const ctx = await NestFactory.createApplicationContext(AuthAppModule.forRoot({ ...config, LOG_LEVEL: 'warn' }, undefined, { background: false }), {
    logger: ['error'],
  });
  try {
    const r = await ctx.get(BootstrapService).run();
    if (!r.created) {
      process.stdout.write(`an admin already exists (${r.adminEmail}); nothing to do\n`);
      return;
    }
    const lines = [
      '',
      'First admin created. Store these now: they are not shown again.',
      `  email     ${r.email}`,
      r.generatedPassword ? `  password  ${r.password}` : '  password  (ADMIN_PASSWORD)',
      `  API key   ${r.apiKey}`,
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    await ctx.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`bootstrap-admin: ${err.message}\n`);
  else if (err instanceof AppError) process.stderr.write(`bootstrap-admin: ${err.code}: ${err.message}\n`);
  else process.stderr.write(`bootstrap-admin: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
