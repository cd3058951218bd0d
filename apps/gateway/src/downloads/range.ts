import type { ByteRange } from '@clipyard/storage';

/**
 * Parses a single-range `Range: bytes=…` header (RFC 9110). Returns undefined when absent,
 * malformed or multi-range (the whole object is then served, as the RFC allows). A suffix range
 * (`bytes=-500`) needs the object size, hence the callback.
 */
export function parseRange(header: string | undefined, size: () => Promise<number>): Promise<ByteRange | undefined> | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    return size().then((n) => ({ start: Math.max(0, n - suffix), end: suffix === 0 ? -1 : n - 1 }));
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? undefined : Number(m[2]);
  if (!Number.isSafeInteger(start) || (end !== undefined && !Number.isSafeInteger(end))) return undefined;
  return Promise.resolve({ start, end });
}
