import { invalidKey } from './errors';

export type StorageArea = 'inputs' | 'outputs';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * Throws unless `key` is a relative, slash-separated path of safe segments: no `..`, no leading
 * slash, no backslash, no control characters. Every driver calls this before touching a key.
 */
export function assertSafeKey(key: string, { prefix = false } = {}): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > 1024) throw invalidKey('empty or too long');
  const body = prefix && key.endsWith('/') ? key.slice(0, -1) : key;
  for (const seg of body.split('/')) {
    if (!SEGMENT.test(seg) || seg === '.' || seg === '..' || seg.includes('..')) {
      throw invalidKey(`bad segment ${JSON.stringify(seg.slice(0, 40))}`);
    }
  }
}

/** `2026-11` for a date (UTC). */
export const yearMonth = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/** Folder of one job or upload: `users/{userId}/{area}/{yyyy-mm}/{id}/`. */
export function storagePrefix(p: { userId: string; area: StorageArea; id: string; at?: Date }): string {
  const prefix = `users/${p.userId}/${p.area}/${yearMonth(p.at ?? new Date())}/${p.id}/`;
  assertSafeKey(prefix, { prefix: true });
  return prefix;
}

/** `users/{userId}/{area}/{yyyy-mm}/{id}/{name}`; `name` must be one safe segment. */
export function storageKey(p: { userId: string; area: StorageArea; id: string; name: string; at?: Date }): string {
  const key = storagePrefix(p) + p.name;
  assertSafeKey(key);
  return key;
}

/** True when `key` lives under the given user's folder (ownership check on a key from a payload). */
export const keyBelongsTo = (key: string, userId: string) => key.startsWith(`users/${userId}/`);
