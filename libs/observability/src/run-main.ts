import type { INestApplication } from '@nestjs/common';
import { ConfigError } from '@clipyard/config';

/**
 * Entry point wrapper for every app's main.ts: a readable message and exit code 1 on a bad
 * configuration, and a hard stop if graceful shutdown outlives SHUTDOWN_GRACE_S.
 */
export function runMain(
  name: string,
  start: () => Promise<{ app: INestApplication; port: number; graceSeconds?: number }>,
): void {
  start()
    .then(({ port, graceSeconds = 30 }) => {
      process.stdout.write(JSON.stringify({ level: 'info', app: name, msg: `${name} up`, port }) + '\n');
      for (const sig of ['SIGTERM', 'SIGINT'] as const) {
        process.once(sig, () => {
          setTimeout(() => {
            process.stderr.write(`${name}: shutdown took longer than ${graceSeconds}s, exiting\n`);
            process.exit(1);
          }, graceSeconds * 1000).unref();
        });
      }
    })
    .catch((err: unknown) => {
      if (err instanceof ConfigError) process.stderr.write(`${name}: ${err.message}\n`);
      else process.stderr.write(`${name}: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
}
