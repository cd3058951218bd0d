import { createDataSource } from './data-source.factory';
import { JobEntity } from './entities';
import { Database, columnsOf, execute, one, query, recordMapper, rowsOf } from './sql';

/** The SQL helper every repository uses, against real PostgreSQL. */
describe('sql helper (real PostgreSQL)', () => {
  const ds = createDataSource({ url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/clipyard', poolSize: 2, entities: [JobEntity] });
  const db = new Database(ds);
  beforeAll(async () => {
    await ds.initialize();
  });
  afterAll(() => ds.destroy());

  it('rowsOf hides the [rows, count] shape of UPDATE/DELETE', () => {
    expect(rowsOf([[{ a: 1 }], 1])).toEqual([{ a: 1 }]);
    expect(rowsOf([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(rowsOf(undefined)).toEqual([]);
  });

  it('query and one return rows for reads and RETURNING writes alike', async () => {
    await db.transaction(async (tx) => {
      await query(tx, 'CREATE TEMP TABLE t2 (id int PRIMARY KEY, name text) ON COMMIT DROP');
      const ins = await query<{ id: number }>(tx, 'INSERT INTO t2 VALUES (1, $1), (2, $2) RETURNING id', ['a', 'b']);
      expect(ins.map((r) => r.id)).toEqual([1, 2]);
      const upd = await query<{ name: string }>(tx, 'UPDATE t2 SET name = upper(name) WHERE id = $1 RETURNING name', [2]);
      expect(upd).toEqual([{ name: 'B' }]);
      const del = await query(tx, 'DELETE FROM t2 WHERE id = 99 RETURNING id');
      expect(del).toEqual([]);
      expect(await one<{ n: number }>(tx, 'SELECT count(*)::int AS n FROM t2')).toEqual({ n: 2 });
      expect(await one(tx, 'SELECT 1 FROM t2 WHERE id = 42')).toBeUndefined();
      expect(await execute(tx, 'UPDATE t2 SET name = name WHERE id >= $1', [1])).toBe(2);
      expect(await execute(tx, 'DELETE FROM t2 WHERE id = 99')).toBe(0);
    });
  });

  it('a transaction that throws commits nothing', async () => {
    await ds.query('CREATE TABLE IF NOT EXISTS sql_helper_rollback (id int PRIMARY KEY)');
    try {
      await expect(
        db.transaction(async (tx) => {
          await query(tx, 'INSERT INTO sql_helper_rollback VALUES (1)');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await db.one('SELECT 1 FROM sql_helper_rollback WHERE id = 1')).toBeUndefined();
    } finally {
      await ds.query('DROP TABLE sql_helper_rollback');
    }
  });

  it('recordMapper maps a snake_case row to the entity shape from its metadata', () => {
    const toJob = recordMapper(ds, JobEntity);
    const at = new Date();
    expect(toJob({ id: 'x', user_id: 'u', created_at: at, outputs_expired_at: null, not_a_column: 1 })).toEqual({
      id: 'x',
      userId: 'u',
      createdAt: at,
      outputsExpiredAt: null,
    });
  });

  it('columnsOf and a prefixed recordMapper read one side of a join, leaving the other side alone', () => {
    expect(columnsOf(ds, JobEntity, 'j', 'job.')).toContain('j.user_id AS "job.user_id"');
    const toJob = recordMapper(ds, JobEntity, 'job.');
    expect(toJob({ id: 'other', 'job.id': 'x', 'job.user_id': 'u', user_id: 'not-mine' })).toEqual({ id: 'x', userId: 'u' });
  });

  it('{ prepare: true } names the statement on the connection only where the data source allows it (DB_PREPARED_STATEMENTS)', async () => {
    const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/clipyard';
    const preparing = createDataSource({ url, poolSize: 1, preparedStatements: true });
    await preparing.initialize();
    try {
      const named = (d: typeof ds) =>
        new Database(d).transaction(async (tx) => {
          for (const n of [1, 2]) expect(await one(tx, 'SELECT $1::int + 1 AS n', [n], { prepare: true })).toEqual({ n: n + 1 });
          return query<{ name: string }>(tx, `SELECT name FROM pg_prepared_statements WHERE statement = 'SELECT $1::int + 1 AS n'`);
        });
      expect(await named(preparing)).toEqual([{ name: expect.stringMatching(/^cy_[0-9a-f]{24}$/) }]);
      expect(await named(ds)).toEqual([]); // off (as behind PgBouncer's transaction mode): unnamed, nothing left on the server
    } finally {
      await preparing.destroy();
    }
  });
});
