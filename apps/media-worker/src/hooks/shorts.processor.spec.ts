import { clipSegments } from './shorts.processor';

describe('clipSegments', () => {
  it("keeps the clip's stretch of the transcript, clamped and shifted to the clip's own time", () => {
    const segs = [
      { id: 0, start: 0, end: 4, text: 'before' },
      { id: 1, start: 9, end: 12, text: 'straddles the start' },
      { id: 2, start: 13, end: 16, text: 'inside' },
      { id: 3, start: 19, end: 23, text: 'straddles the end' },
      { id: 4, start: 25, end: 28, text: 'after' },
    ];
    expect(clipSegments(segs, 10, 20)).toEqual([
      { id: 0, start: 0, end: 2, text: 'straddles the start' },
      { id: 1, start: 3, end: 6, text: 'inside' },
      { id: 2, start: 9, end: 10, text: 'straddles the end' },
    ]);
  });
});
