import { chunkTranscript, selectHooks, toAbsolute, type Hook, type TimedSegment } from './hook-selection';

/** A transcript of `n` segments of 4 s each with a 1 s pause between, words of 0.8 s inside. */
function transcript(n: number, from = 0): TimedSegment[] {
  return Array.from({ length: n }, (_, i) => {
    const start = from + i * 5;
    const words = Array.from({ length: 5 }, (_, w) => ({ word: `w${i}.${w}`, start: start + w * 0.8, end: start + w * 0.8 + 0.7 }));
    return { start, end: start + 4, text: words.map((w) => w.word).join(' '), words };
  });
}
const hook = (start: number, end: number, score = 50, chunk = 0): Hook => ({ start, end, score, title: 't', hook_sentence: 's', reason: 'r', chunk });

describe('chunkTranscript', () => {
  const segs = transcript(40);

  it('covers every segment, keeps each chunk under the size, and overlaps neighbours by about overlapS', () => {
    const chunks = chunkTranscript(segs, { maxChars: 400, overlapS: 12 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(400);
    expect(chunks[0].offset).toBe(0);
    expect(chunks[chunks.length - 1].end).toBe(segs[segs.length - 1].end);
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i].offset).toBeGreaterThan(chunks[i - 1].offset);
      expect(chunks[i].offset).toBeLessThan(chunks[i - 1].end);
      expect(chunks[i - 1].end - chunks[i].offset).toBeGreaterThanOrEqual(12 - 5);
    }
  });

  it('writes times relative to the chunk, so a chunk an hour in still starts at 0.00', () => {
    const late = chunkTranscript(transcript(10, 3600), { maxChars: 10_000, overlapS: 10 });
    expect(late).toHaveLength(1);
    expect(late[0].offset).toBe(3600);
    expect(late[0].text.split('\n')[0]).toMatch(/^\[0\.00-4\.00\] w0\.0/);
  });

  it('always advances, even when one segment is longer than a chunk', () => {
    const chunks = chunkTranscript(transcript(5), { maxChars: 10, overlapS: 100 });
    expect(chunks).toHaveLength(5);
  });
});

describe('toAbsolute', () => {
  it('adds the chunk offset exactly once', () => {
    const [h] = toAbsolute({ index: 3, offset: 3600 }, [{ start: 10, end: 30, score: 80, title: 'a', hook_sentence: 'b', reason: 'c' }]);
    expect(h).toMatchObject({ start: 3610, end: 3630, chunk: 3 });
  });
});

describe('selectHooks', () => {
  const segments = transcript(40); // 0–199 s of speech
  const o = { count: 3, minS: 15, maxS: 60, duration: 200, segments };

  it('keeps the best count without overlaps, best first', () => {
    const out = selectHooks([hook(10, 40, 70), hook(20, 50, 90), hook(100, 130, 60), hook(150, 180, 80), hook(60, 80, 10)], o);
    expect(out.map((h) => h.score)).toEqual([90, 80, 60]);
    for (const a of out) for (const b of out) if (a !== b) expect(a.end <= b.start || b.end <= a.start).toBe(true);
  });

  it('merges the same moment proposed by two overlapping chunks into one', () => {
    const out = selectHooks([hook(40, 70, 88, 0), hook(40.2, 70.1, 85, 1)], o);
    expect(out).toHaveLength(1);
    expect(out[0].chunk).toBe(0);
  });

  it('snaps starts back to a word start and ends on to a word end', () => {
    const [h] = selectHooks([hook(20.3, 41.1, 50)], o); // 20.3 is inside word 20.0–20.7; 41.1 inside 40.8–41.5
    expect(h.start).toBe(20);
    expect(h.end).toBe(41.5);
    const [p] = selectHooks([hook(24.5, 44.5, 50)], o); // both in pauses (24–25, 44–45)
    expect(p.start).toBe(25);
    expect(p.end).toBe(43.9); // the last word of the segment ends at 43.9
  });

  it('snaps to segments when the transcript has no words', () => {
    const noWords = segments.map(({ words: _w, ...s }) => s);
    const [h] = selectHooks([hook(21, 42, 50)], { ...o, segments: noWords });
    expect(h).toMatchObject({ start: 20, end: 44 });
  });

  it('holds the length within min/max on boundaries', () => {
    const [long] = selectHooks([hook(10, 150, 50)], o);
    expect(long.end - long.start).toBeLessThanOrEqual(60);
    expect(long.end - long.start).toBeGreaterThan(55);
    const [short] = selectHooks([hook(50, 53, 50)], o);
    expect(short.end - short.start).toBeGreaterThanOrEqual(15);
    expect(short.end - short.start).toBeLessThanOrEqual(60);
    expect(segments.flatMap((s) => s.words!).some((w) => w.end === short.end)).toBe(true);
  });

  it('drops candidates outside the media and clamps those partly outside', () => {
    const out = selectHooks([hook(250, 280, 99), hook(-30, -5, 98), hook(185, 240, 97), hook(Number.NaN, 20, 96)], o);
    expect(out).toHaveLength(1);
    expect(out[0].score).toBe(97);
    expect(out[0].end).toBeLessThanOrEqual(200);
    expect(out[0].start).toBeGreaterThanOrEqual(0);
    expect(out[0].end - out[0].start).toBeGreaterThanOrEqual(15);
  });

  it('moves the start back when the media ends before min_s is reached', () => {
    const [h] = selectHooks([hook(192, 199, 50)], o);
    expect(h.end).toBeLessThanOrEqual(200);
    expect(h.end - h.start).toBeGreaterThanOrEqual(15);
  });

  it('clamps scores to 0–100 and rounds them', () => {
    expect(selectHooks([hook(10, 40, 140.4)], o)[0].score).toBe(100);
    expect(selectHooks([hook(10, 40, -3)], o)[0].score).toBe(0);
  });

  it('returns fewer than count when the moments overlap or are missing', () => {
    expect(selectHooks([], o)).toEqual([]);
    expect(selectHooks([hook(10, 40, 90), hook(15, 45, 80)], o)).toHaveLength(1);
  });
});
