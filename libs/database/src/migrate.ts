/**
 * Migration CLI used by `npm run migration:run|revert` and by deploys (the compose `migrate`
 * service, the k8s Job). Prints each step; exits non-zero on failure.
 *   node dist/libs/database/src/migrate.js run|revert|status
 */
import { loadConfig, commonSchema } from '@clipyard/config';
import { createDataSource } from './data-source.factory';

async function main(): Promise<void> {
  const cmd = process.argv[2] ?? 'run';
  const config = loadConfig(commonSchema);
  const ds = createDataSource({ url: config.DATABASE_URL, poolSize: 2 });
  ds.setOptions({ logging: ['error', 'migration'] });
  await ds.initialize();
  try {
    if (cmd === 'run') {
      const done = await ds.runMigrations({ transaction: 'each' });
      console.log(done.length ? `applied ${done.length} migration(s): ${done.map((m) => m.name).join(', ')}` : 'schema is up to date');
    } else if (cmd === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else if (cmd === 'revert-all') {
      const rows: unknown[] = await ds.query('SELECT 1 FROM migrations');
      for (let i = 0; i < rows.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      console.log(`reverted ${rows.length} migration(s)`);
    } else if (cmd === 'status') {
      const pending = await ds.showMigrations();
      console.log(pending ? 'there are pending migrations' : 'schema is up to date');
    } else {
      throw new Error(`unknown command ${cmd} (run | revert | revert-all | status)`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
