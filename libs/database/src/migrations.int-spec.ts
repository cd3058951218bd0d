import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource } from './data-source.factory';
import { MIGRATIONS } from './migrations';

/** Every migration goes up and comes back down cleanly on a real PostgreSQL, in a database of its own. */
describe('migrations (real PostgreSQL)', () => {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/clipyard');
  const name = `clipyard_mig_${randomBytes(4).toString('hex')}`;
  const admin = new URL(base.toString());
  admin.pathname = '/postgres';
  const url = new URL(base.toString());
  url.pathname = `/${name}`;

  beforeAll(async () => {
    const c = new Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`CREATE DATABASE "${name}"`);
    await c.end();
  });
  afterAll(async () => {
    const c = new Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });

  const tables = async (ds: ReturnType<typeof createDataSource>) =>
    (
      (await ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
      )) as Array<{ table_name: string }>
    ).map((r) => r.table_name);

  it('applies every migration, reverts them all, and applies them again', async () => {
    const ds = createDataSource({ url: url.toString(), poolSize: 2 });
    await ds.initialize();
    try {
      const up = await ds.runMigrations({ transaction: 'each' });
      expect(up.map((m) => m.name)).toEqual(MIGRATIONS.map((M) => new M().name ?? M.name));
      const created = await tables(ds);
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      expect(await tables(ds)).toEqual([]);
      expect(await ds.query('SELECT * FROM migrations')).toEqual([]);
      const again = await ds.runMigrations({ transaction: 'each' });
      expect(again).toHaveLength(MIGRATIONS.length);
      expect(await tables(ds)).toEqual(created);
      expect(await ds.showMigrations()).toBe(false);
    } finally {
      await ds.destroy();
    }
  });
});
