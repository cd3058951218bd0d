import type { Query } from './pickup';

/** The scratch copies the sign-in floor (bench/lib/signin-floor-server.js) writes its sessions into. */
export const FLOOR_TABLES = { sessions: 'bench_floor_sessions', refreshTokens: 'bench_floor_refresh_tokens', audit: 'bench_floor_audit_events' };
const SOURCES: Record<keyof typeof FLOOR_TABLES, string> = { sessions: 'sessions', refreshTokens: 'refresh_tokens', audit: 'audit_events' };

/**
 * Copies of `sessions`, `refresh_tokens` and `audit_events` (same columns, defaults, indexes and
 * foreign keys, a reference between two of them pointing at the copy), so the floor's session
 * statement does what the auth app's does, commit and WAL flush included, without writing the
 * auth app's tables.
 */
export async function createFloorTables(query: Query): Promise<void> {
  await dropFloorTables(query);
  const keys = Object.keys(FLOOR_TABLES) as Array<keyof typeof FLOOR_TABLES>;
  for (const k of keys) await query(`CREATE TABLE ${FLOOR_TABLES[k]} (LIKE ${SOURCES[k]} INCLUDING ALL)`);
  for (const k of keys) {
    // LIKE does not copy foreign keys: added, so the insert checks what the real ones do
    const fks = await query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f'`, [SOURCES[k]]);
    for (const fk of fks) {
      let def: string = fk.def;
      for (const j of keys) def = def.replace(new RegExp(`REFERENCES ${SOURCES[j]}\\(`), `REFERENCES ${FLOOR_TABLES[j]}(`);
      await query(`ALTER TABLE ${FLOOR_TABLES[k]} ADD ${def}`);
    }
  }
}

export async function dropFloorTables(query: Query): Promise<void> {
  await query(`DROP TABLE IF EXISTS ${Object.values(FLOOR_TABLES).join(', ')} CASCADE`);
}
