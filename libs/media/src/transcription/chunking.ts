import type { SilenceInterval } from './audio';

export interface ChunkSpan {
  start: number;
  end: number;
}

export interface PlanOptions {
  /** Total audio length (s) and the size of the encoded file (bytes). */
  duration: number;
  sizeBytes: number;
  /** The provider's upload limit. */
  maxBytes: number;
  /** Quiet stretches to cut in, from silencedetect. */
  silences: SilenceInterval[];
  /** Share of the limit a chunk aims for, leaving room for container overhead and VBR. */
  fill?: number;
}

/**
 * Splits [0, duration) into spans whose encoded size stays under `maxBytes`, cutting in the middle
 * of the latest quiet stretch of each window (so no word is cut in two), or at the window's end
 * when there is no quiet stretch in its second half.
 */
export function planChunks(o: PlanOptions): ChunkSpan[] {
  const fill = o.fill ?? 0.9;
  if (o.duration <= 0) return [];
  if (o.sizeBytes <= o.maxBytes * fill) return [{ start: 0, end: o.duration }];
  const bytesPerSecond = o.sizeBytes / o.duration;
  const maxSeconds = (o.maxBytes * fill) / bytesPerSecond;
  if (maxSeconds < 1) throw new Error(`chunk limit of ${o.maxBytes} bytes is below one second of audio`);
  const cuts = o.silences
    .filter((s) => Number.isFinite(s.end))
    .map((s) => (s.start + s.end) / 2)
    .sort((a, b) => a - b);
  const spans: ChunkSpan[] = [];
  let start = 0;
  while (o.duration - start > maxSeconds) {
    const lo = start + maxSeconds / 2;
    const hi = start + maxSeconds;
    let cut = hi;
    for (let i = cuts.length - 1; i >= 0; i--) {
      if (cuts[i] <= hi && cuts[i] >= lo) {
        cut = cuts[i];
        break;
      }
      if (cuts[i] < lo) break;
    }
    spans.push({ start: round3(start), end: round3(cut) });
    start = cut;
  }
  spans.push({ start: round3(start), end: round3(o.duration) });
  return spans;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Runs `fn` over `items` with at most `limit` in flight; rejects on the first failure. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i], i);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
