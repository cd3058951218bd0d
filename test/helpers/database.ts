/**
 * A migrated database of a spec's own, for tests that must not share the run's database (global
 * state such as "the first admin" or the JWT signing keys under another ENCRYPTION_KEYS).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Client } from 'pg';

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function freshDatabase(tag: string): Promise<FreshDatabase> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/clipyard';
  const url = new URL(base);
  const name = `${url.pathname.slice(1)}_${tag}${Date.now().toString(36)}`.slice(0, 63);
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  url.pathname = `/${name}`;
  const migrate = spawnSync('node', [path.join(__dirname, '../../dist/libs/database/src/migrate.js'), 'run'], {
    env: { ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    throw new Error(`migrating ${name} failed: ${migrate.stderr}`);
  }
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
