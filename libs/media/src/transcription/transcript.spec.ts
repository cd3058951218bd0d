import { formatTimestamp, stitch, toCues, toSrt, toVtt, wrapText } from './transcript';

describe('stitch', () => {
  it('shifts each chunk by its offset, renumbers, and keeps cues monotonic and inside their chunk', () => {
    const t = stitch(
      [
        // given out of order on purpose
        { offset: 60, end: 125, result: { text: 'b', language: 'en', segments: [{ start: 1, end: 3, text: 'second' }, { start: 64, end: 70, text: 'overrun' }] } },
        {
          offset: 0,
          end: 60,
          result: {
            text: 'a',
            language: 'en',
            segments: [{ start: 2, end: 5, text: 'first' }, { start: 4.5, end: 61, text: 'overlap' }],
            words: [{ word: 'first', start: 2.1, end: 2.6 }],
          },
        },
      ],
      125,
    );
    expect(t.segments.map((s) => [s.id, s.start, s.end, s.text])).toEqual([
      [0, 2, 5, 'first'],
      [1, 5, 60, 'overlap'],
      [2, 61, 63, 'second'],
      [3, 124, 125, 'overrun'],
    ]);
    expect(t.segments[0].words).toEqual([{ word: 'first', start: 2.1, end: 2.6 }]);
    expect(t.text).toBe('first overlap second overrun');
    expect(t.language).toBe('en');
    expect(t.duration).toBe(125);
  });

  it('turns a chunk without segments (plain json models) into one segment spanning it', () => {
    const t = stitch([{ offset: 30, end: 45, result: { text: 'hello there', segments: [] } }], 45);
    expect(t.segments).toEqual([{ id: 0, start: 30, end: 45, text: 'hello there' }]);
  });

  it('picks the language heard for the longest time', () => {
    const t = stitch(
      [
        { offset: 0, end: 10, result: { text: 'x', language: 'fr', segments: [{ start: 0, end: 1, text: 'x' }] } },
        { offset: 10, end: 100, result: { text: 'y', language: 'en', segments: [{ start: 0, end: 1, text: 'y' }] } },
      ],
      100,
    );
    expect(t.language).toBe('en');
  });
});

describe('subtitle writers', () => {
  it('formats timestamps for SRT and WebVTT', () => {
    expect(formatTimestamp(0, ',')).toBe('00:00:00,000');
    expect(formatTimestamp(3723.4567, ',')).toBe('01:02:03,457');
    expect(formatTimestamp(59.9996, '.')).toBe('00:01:00.000');
  });

  it('wraps at 42 characters and splits long segments into two-line cues sharing the time', () => {
    expect(wrapText('a '.repeat(30).trim(), 10)).toEqual(['a a a a a', 'a a a a a', 'a a a a a', 'a a a a a', 'a a a a a', 'a a a a a']);
    const long = 'word '.repeat(40).trim(); // 199 chars → 5 lines → 3 cues
    const cues = toCues([{ id: 0, start: 10, end: 20, text: long }]);
    expect(cues).toHaveLength(3);
    expect(cues[0].start).toBe(10);
    expect(cues[2].end).toBe(20);
    for (const c of cues) expect(c.lines.length).toBeLessThanOrEqual(2);
    for (let i = 1; i < cues.length; i++) expect(cues[i].start).toBeCloseTo(cues[i - 1].end, 6);
  });

  it('writes SRT and VTT documents', () => {
    const segs = [
      { id: 0, start: 1.5, end: 3, text: 'Hello --> <b>world</b> & co' },
      { id: 1, start: 3.25, end: 4, text: 'Second', speaker: 'B' },
    ];
    expect(toSrt(segs)).toBe(
      '1\n00:00:01,500 --> 00:00:03,000\nHello --> <b>world</b> & co\n\n2\n00:00:03,250 --> 00:00:04,000\n[B] Second\n',
    );
    expect(toVtt(segs)).toBe(
      'WEBVTT\n\n00:00:01.500 --> 00:00:03.000\nHello --&gt; &lt;b>world&lt;/b> &amp; co\n\n00:00:03.250 --> 00:00:04.000\n[B] Second\n',
    );
  });
});
