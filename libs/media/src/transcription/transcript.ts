import type { WhisperResult, WhisperWord } from './whisper.client';

export interface TranscriptSegment {
  id: number;
  start: number;
  end: number;
  text: string;
  speaker?: string;
  words?: WhisperWord[];
}

/** The content of `transcript.json`. */
export interface Transcript {
  text: string;
  language?: string;
  duration: number;
  segments: TranscriptSegment[];
}

export interface ChunkResult {
  /** Where the chunk starts in the whole audio (s). */
  offset: number;
  /** Where the next chunk starts (s): nothing from this chunk may run past it. */
  end: number;
  result: WhisperResult;
}

const r3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Chunk results → one transcript with global timestamps: each chunk's times are shifted by its
 * offset, clamped to its span, and kept monotonic (a cue never starts before the previous ends).
 * Chunks that returned no segments (plain `json` models) become one segment spanning the chunk.
 */
export function stitch(chunks: ChunkResult[], duration: number): Transcript {
  const ordered = [...chunks].sort((a, b) => a.offset - b.offset);
  const segments: TranscriptSegment[] = [];
  let prevEnd = 0;
  const languages = new Map<string, number>();
  for (const c of ordered) {
    const { result, offset } = c;
    if (result.language) languages.set(result.language, (languages.get(result.language) ?? 0) + (c.end - c.offset));
    const raw = result.segments.length
      ? result.segments
      : result.text
        ? [{ start: 0, end: c.end - c.offset, text: result.text }]
        : [];
    const words = (result.words ?? []).map((w) => ({ word: w.word, start: w.start + offset, end: w.end + offset }));
    for (const s of raw) {
      if (!s.text) continue;
      const start = r3(Math.max(prevEnd, Math.min(s.start + offset, c.end)));
      const end = r3(Math.max(start, Math.min(s.end + offset, c.end)));
      const seg: TranscriptSegment = { id: segments.length, start, end, text: s.text };
      if (s.speaker) seg.speaker = s.speaker;
      const own = words.filter((w) => w.start >= s.start + offset - 0.01 && w.start < s.end + offset);
      if (own.length) seg.words = own.map((w) => ({ word: w.word, start: r3(w.start), end: r3(w.end) }));
      segments.push(seg);
      prevEnd = end;
    }
  }
  const language = [...languages.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return {
    text: segments.map((s) => s.text).join(' ').replace(/\s+/g, ' ').trim(),
    language,
    duration: r3(duration),
    segments,
  };
}

/** `HH:MM:SS,mmm` (SRT) or `HH:MM:SS.mmm` (WebVTT). */
export function formatTimestamp(seconds: number, sep: ',' | '.'): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${sep}${pad(ms % 1000, 3)}`;
}

interface Cue {
  start: number;
  end: number;
  lines: string[];
}

/** Wraps text into lines of at most `width` characters (a longer word gets a line of its own). */
export function wrapText(text: string, width = 42): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Segments → readable cues: at most two lines of 42 characters each (broadcast subtitle norms);
 * a longer segment is split into several cues sharing its time in proportion to their length.
 */
export function toCues(segments: TranscriptSegment[], width = 42, maxLines = 2): Cue[] {
  const cues: Cue[] = [];
  for (const s of segments) {
    const text = s.speaker ? `[${s.speaker}] ${s.text}` : s.text;
    const lines = wrapText(text.replace(/[\r\n]+/g, ' '), width);
    if (!lines.length) continue;
    const groups: string[][] = [];
    for (let i = 0; i < lines.length; i += maxLines) groups.push(lines.slice(i, i + maxLines));
    const total = lines.reduce((n, l) => n + l.length, 0);
    let t = s.start;
    for (const g of groups) {
      const share = g.reduce((n, l) => n + l.length, 0) / total;
      const end = g === groups[groups.length - 1] ? s.end : t + (s.end - s.start) * share;
      cues.push({ start: t, end, lines: g });
      t = end;
    }
  }
  return cues;
}

export function toSrt(segments: TranscriptSegment[]): string {
  return toCues(segments)
    .map((c, i) => `${i + 1}\n${formatTimestamp(c.start, ',')} --> ${formatTimestamp(c.end, ',')}\n${c.lines.join('\n')}\n`)
    .join('\n');
}

export function toVtt(segments: TranscriptSegment[]): string {
  // "-->" inside a cue would end it early; WebVTT also reserves & and <
  const esc = (l: string) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/-->/g, '--&gt;');
  const body = toCues(segments)
    .map((c) => `${formatTimestamp(c.start, '.')} --> ${formatTimestamp(c.end, '.')}\n${c.lines.map(esc).join('\n')}\n`)
    .join('\n');
  return `WEBVTT\n\n${body}`;
}

export function toPlainText(t: Transcript): string {
  return `${t.segments.map((s) => (s.speaker ? `[${s.speaker}] ${s.text}` : s.text)).join('\n')}\n`;
}
