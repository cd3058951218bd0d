import { Transform, type TransformCallback } from 'node:stream';
import type { ByteRange } from './storage';
import { fileTooLarge, rangeNotSatisfiable } from './errors';

/** Counts bytes through; errors with FILE_TOO_LARGE as soon as the count passes `maxBytes`. */
export class ByteLimit extends Transform {
  bytes = 0;
  /** Set once the limit was passed. */
  exceeded?: Error;
  constructor(private readonly maxBytes = Number.POSITIVE_INFINITY) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return cb((this.exceeded = fileTooLarge(this.maxBytes)));
    cb(null, chunk);
  }
}

/** Clamps a requested range to an object's size (inclusive end), or throws RANGE_NOT_SATISFIABLE. */
export function resolveRange(range: ByteRange, size: number): { start: number; end: number } {
  const end = Math.min(range.end ?? size - 1, size - 1);
  if (!Number.isInteger(range.start) || range.start < 0 || range.start >= size || end < range.start) {
    throw rangeNotSatisfiable(size);
  }
  return { start: range.start, end };
}
