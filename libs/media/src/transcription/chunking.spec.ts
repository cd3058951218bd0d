import { mapLimit, planChunks } from './chunking';
import { parseSilences } from './audio';

describe('planChunks', () => {
  const base = { duration: 100, sizeBytes: 1000, silences: [] as { start: number; end: number }[] };

  it('keeps a small file whole', () => {
    expect(planChunks({ ...base, maxBytes: 2000 })).toEqual([{ start: 0, end: 100 }]);
  });

  it('cuts at the window end when there is no quiet point', () => {
    // 10 bytes/s, 400 * 0.9 = 360 bytes → 36 s per chunk
    expect(planChunks({ ...base, maxBytes: 400 })).toEqual([
      { start: 0, end: 36 },
      { start: 36, end: 72 },
      { start: 72, end: 100 },
    ]);
  });

  it('cuts in the middle of the latest silence in the second half of each window', () => {
    const silences = [
      { start: 10, end: 11 }, // first half of window 1: ignored
      { start: 25, end: 27 }, // → cut at 26
      { start: 30, end: 31 }, // latest in window 1 → cut at 30.5
      { start: 60, end: 62 }, // window 2 is [30.5, 66.5]: latest → 61
      { start: 95, end: Number.POSITIVE_INFINITY }, // trailing silence: never a cut point
    ];
    const spans = planChunks({ ...base, maxBytes: 400, silences });
    expect(spans).toEqual([
      { start: 0, end: 30.5 },
      { start: 30.5, end: 61 },
      { start: 61, end: 97 },
      { start: 97, end: 100 },
    ]);
    for (const s of spans) expect((s.end - s.start) * 10).toBeLessThanOrEqual(360);
  });

  it('refuses a limit below one second of audio', () => {
    expect(() => planChunks({ ...base, maxBytes: 5 })).toThrow(/below one second/);
  });
});

describe('parseSilences', () => {
  it('reads silencedetect output, including a trailing silence with no end', () => {
    const stderr = [
      '[silencedetect @ 0x1] silence_start: -0.00133',
      '[silencedetect @ 0x1] silence_end: 2.5 | silence_duration: 2.5',
      '[silencedetect @ 0x1] silence_start: 7.25',
      '[silencedetect @ 0x1] silence_end: 8 | silence_duration: 0.75',
      '[silencedetect @ 0x1] silence_start: 9.5',
    ].join('\n');
    expect(parseSilences(stderr)).toEqual([
      { start: 0, end: 2.5 },
      { start: 7.25, end: 8 },
      { start: 9.5, end: Number.POSITIVE_INFINITY },
    ]);
  });
});

describe('mapLimit', () => {
  it('never runs more than the limit at once and keeps result order', async () => {
    let active = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 1, 2], 3, async (ms, i) => {
      peak = Math.max(peak, ++active);
      await new Promise((r) => setTimeout(r, ms * 5));
      active--;
      return i * 10;
    });
    expect(out).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(peak).toBe(3);
  });

  it('stops taking new items after a failure', async () => {
    const started: number[] = [];
    await expect(
      mapLimit([1, 2, 3, 4, 5], 1, async (x) => {
        started.push(x);
        if (x === 2) throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
  });
});
