import { AppError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a canonical UUID (any case): the one id check (path ids, cursors, payload ids). */
export const isUuid = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);

/** A keyset position in a newest-first list: the (created_at, id) of the last row seen. */
export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

/**
 * Opaque list cursors. `createdAt` must be stored with millisecond precision (timestamptz(3) or
 * date_trunc('milliseconds', …)) so the JS Date in the cursor compares exactly with the row.
 */
export const encodeCursor = (at: KeysetPosition): string =>
  Buffer.from(`${at.createdAt.toISOString()}|${at.id}`).toString('base64url');

/** Decodes a cursor from this API; anything else is a 422 naming the parameter. */
export function decodeCursor(cursor: string, param = 'cursor'): KeysetPosition {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'Invalid cursor', { issues: [{ path: param, message: 'not a cursor from this API' }] });
  }
  return { createdAt, id };
}

/** One page of a newest-first list fetched with `limit + 1` rows: the page and the next cursor. */
export function pageOf<T extends KeysetPosition>(rows: T[], limit: number): { page: T[]; next_cursor: string | null } {
  const page = rows.slice(0, limit);
  return { page, next_cursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null };
}
