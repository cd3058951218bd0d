import type { Client } from 'pg';

/** Runs one statement, returns its rows (a pg Client's or a TypeORM DataSource's query). */
export type Query = (sql: string, params?: unknown[]) => Promise<any[]>;

/** A pg Client's query as a Query. */
export const rowsOf = (db: Client): Query => async (sql, params) => (await db.query(sql, params)).rows;

/**
 * Scratch copies of app tables (`copies`: copy name → source table) with the same columns,
 * defaults, indexes and foreign keys — a reference to another copied source points at its copy —
 * so a bench's statement does what the app's does, commit and WAL flush included, without writing
 * the app's tables. Copies left by an earlier run are dropped first.
 */
export async function createScratchCopies(query: Query, copies: Record<string, string>): Promise<void> {
  await dropScratchCopies(query, copies);
  const pairs = Object.entries(copies);
  for (const [copy, source] of pairs) await query(`CREATE TABLE ${copy} (LIKE ${source} INCLUDING ALL)`);
  for (const [copy, source] of pairs) {
    // LIKE does not copy foreign keys: added, so the insert checks what the real ones do
    const fks = await query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f'`, [source]);
    for (const fk of fks) {
      let def: string = fk.def;
      for (const [other, otherSource] of pairs) def = def.replace(new RegExp(`REFERENCES ${otherSource}\\(`), `REFERENCES ${other}(`);
      await query(`ALTER TABLE ${copy} ADD ${def}`);
    }
  }
}

export async function dropScratchCopies(query: Query, copies: Record<string, string>): Promise<void> {
  await query(`DROP TABLE IF EXISTS ${Object.keys(copies).join(', ')} CASCADE`);
}
