/**
 * Hook detection without I/O: the transcript cut into prompt-sized, overlapping chunks whose
 * times are relative to the chunk; the model's candidates made absolute (once, by the chunk that
 * produced them); then the best `count` kept without overlaps, snapped to word or segment
 * boundaries, held to the requested length and to the media.
 */

export interface TimedText {
  start: number;
  end: number;
  text: string;
}

export interface TimedSegment extends TimedText {
  words?: { word: string; start: number; end: number }[];
}

export interface TranscriptChunk {
  index: number;
  /** Absolute time of the chunk's 0 (its first segment's start). */
  offset: number;
  /** Absolute end of its last segment. */
  end: number;
  /** Lines `[start-end] text` with times relative to `offset`, for the prompt. */
  text: string;
  segmentCount: number;
}

/** What the model proposes, in its chunk's relative time. */
export interface HookCandidate {
  start: number;
  end: number;
  score: number;
  title: string;
  hook_sentence: string;
  reason: string;
}

/** A chosen hook, in absolute seconds of the media. */
export interface Hook extends HookCandidate {
  /** Which chunk proposed it. */
  chunk: number;
}

const r2 = (n: number) => Math.round(n * 100) / 100;
const line = (s: TimedText, offset: number) => `[${r2(s.start - offset).toFixed(2)}-${r2(s.end - offset).toFixed(2)}] ${s.text.replace(/\s+/g, ' ').trim()}`;

/**
 * Segments → chunks of at most `maxChars` of prompt text. Each chunk after the first starts
 * `overlapS` seconds before the previous one ended (a hook across the cut is seen whole by one
 * of them), but always at least one segment later than the previous chunk started.
 */
export function chunkTranscript(segments: TimedText[], opts: { maxChars: number; overlapS: number }): TranscriptChunk[] {
  const segs = segments.filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.text.trim()).sort((a, b) => a.start - b.start);
  const chunks: TranscriptChunk[] = [];
  let from = 0;
  while (from < segs.length) {
    const offset = segs[from].start;
    const lines: string[] = [];
    let size = 0;
    let to = from;
    while (to < segs.length) {
      const l = line(segs[to], offset);
      if (lines.length && size + l.length + 1 > opts.maxChars) break;
      lines.push(l);
      size += l.length + 1;
      to++;
    }
    const end = segs[to - 1].end;
    chunks.push({ index: chunks.length, offset, end, text: lines.join('\n'), segmentCount: to - from });
    if (to >= segs.length) break;
    let next = to;
    while (next - 1 > from && segs[next - 1].start >= end - opts.overlapS) next--;
    from = Math.max(from + 1, next);
  }
  return chunks;
}

/** A chunk's relative candidates → absolute times. The only place an offset is ever added. */
export function toAbsolute(chunk: Pick<TranscriptChunk, 'index' | 'offset'>, candidates: HookCandidate[]): Hook[] {
  return candidates.map((c) => ({ ...c, start: c.start + chunk.offset, end: c.end + chunk.offset, chunk: chunk.index }));
}

export interface SelectOptions {
  count: number;
  minS: number;
  maxS: number;
  /** Length of the media (s): nothing may start or end outside it. */
  duration: number;
  /** The transcript: its words (when it has them) or segments are the boundaries to snap to. */
  segments: TimedSegment[];
}

/** Word spans when the transcript has them, else segment spans; sorted. */
function boundaries(segments: TimedSegment[]): { start: number; end: number }[] {
  const words = segments.flatMap((s) => s.words ?? []);
  const spans = words.length ? words : segments;
  return spans.filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.end >= s.start).map((s) => ({ start: s.start, end: s.end })).sort((a, b) => a.start - b.start);
}

/**
 * Candidates (absolute) → at most `count` hooks, best score first: outside the media dropped,
 * partly outside clamped; start snapped back to the beginning of the word it falls in (or on to
 * the next word after a pause), end on to the end of its word (or back to the last word before a
 * pause); length held within [minS, maxS] on boundaries where the media allows; then greedily the
 * best that overlap none already chosen.
 */
export function selectHooks(candidates: Hook[], o: SelectOptions): Hook[] {
  const spans = boundaries(o.segments);
  const starts = spans.map((s) => s.start);
  const ends = spans.map((s) => s.end).sort((a, b) => a - b);
  const prepared: Hook[] = [];
  for (const c of candidates) {
    if (![c.start, c.end, c.score].every(Number.isFinite)) continue;
    let start = Math.max(0, Math.min(c.start, c.end));
    let end = Math.min(o.duration, Math.max(c.start, c.end));
    if (start >= o.duration || end <= 0 || end - start < 0.5) continue;
    start = snapStart(start, spans);
    end = snapEnd(end, spans, start);
    if (end - start > o.maxS) end = lastAtOrBefore(ends, start + o.maxS, start) ?? start + o.maxS;
    if (end - start < o.minS) {
      end = firstAtOrAfter(ends, start + o.minS, start + o.maxS) ?? Math.min(o.duration, start + o.minS);
      if (end - start < o.minS) {
        // the media ends too soon: move the start back instead, onto a word start
        const earliest = Math.max(0, end - o.minS);
        start = lastAtOrBefore(starts, earliest, end - o.maxS) ?? earliest;
      }
    }
    start = Math.max(0, start);
    end = Math.min(o.duration, end);
    if (end - start < Math.min(o.minS, o.duration) - 0.01 || end <= start) continue;
    prepared.push({ ...c, start: r3(start), end: r3(end), score: Math.round(Math.max(0, Math.min(100, c.score))) });
  }
  prepared.sort((a, b) => b.score - a.score || a.start - b.start);
  const chosen: Hook[] = [];
  for (const h of prepared) {
    if (chosen.length >= o.count) break;
    if (chosen.some((k) => h.start < k.end && k.start < h.end)) continue;
    chosen.push(h);
  }
  return chosen;
}

const r3 = (n: number) => Math.round(n * 1000) / 1000;

function snapStart(t: number, spans: { start: number; end: number }[]): number {
  const inside = spans.find((s) => s.start <= t && t < s.end);
  if (inside) return inside.start;
  const next = spans.find((s) => s.start >= t);
  return next ? next.start : t;
}

function snapEnd(t: number, spans: { start: number; end: number }[], start: number): number {
  const inside = spans.find((s) => s.start < t && t <= s.end);
  if (inside) return inside.end;
  let prev: { start: number; end: number } | undefined;
  for (const s of spans) if (s.end <= t && s.end > start) prev = s;
  return prev ? prev.end : t;
}

function lastAtOrBefore(sorted: number[], t: number, after: number): number | undefined {
  let found: number | undefined;
  for (const x of sorted) if (x <= t + 1e-9 && x > after) found = x;
  return found;
}

function firstAtOrAfter(sorted: number[], t: number, upTo = Infinity): number | undefined {
  return sorted.find((x) => x >= t - 1e-9 && x <= upTo + 1e-9);
}
