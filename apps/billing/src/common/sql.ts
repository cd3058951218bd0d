import type { EntityManager } from 'typeorm';

/**
 * Runs one SQL statement and returns its rows. TypeORM's postgres driver answers UPDATE/DELETE
 * with `[rows, rowCount]` and everything else with `rows`; this hides the difference.
 */
export async function sql<T = Record<string, unknown>>(m: EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  const res: unknown = await m.query(text, params);
  if (Array.isArray(res) && res.length === 2 && Array.isArray(res[0]) && typeof res[1] === 'number') return res[0] as T[];
  return (Array.isArray(res) ? res : []) as T[];
}

export async function one<T = Record<string, unknown>>(m: EntityManager, text: string, params: unknown[] = []): Promise<T | undefined> {
  return (await sql<T>(m, text, params))[0];
}
