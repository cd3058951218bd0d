import { STREAM_INFO_FREE_CODECS, skipsStreamInfo } from './stream-info';

describe('skipsStreamInfo (the allow-list for -nofind_stream_info)', () => {
  const plain = { contentType: 'video/mp4', fragmented: false } as const;

  it('allows a plain MP4/MOV whose every stream is a checked codec', () => {
    expect(skipsStreamInfo({ ...plain, codecs: ['h264', 'aac'] })).toBe(true);
    expect(skipsStreamInfo({ ...plain, codecs: ['hevc', 'ac3', 'mp3'] })).toBe(true);
    expect(skipsStreamInfo({ ...plain, codecs: ['h264', 'aac', 'mjpeg'] })).toBe(true); // cover art
    expect(skipsStreamInfo({ contentType: 'audio/mp4', fragmented: false, codecs: ['alac'] })).toBe(true);
    expect([...STREAM_INFO_FREE_CODECS].sort()).toEqual(['aac', 'ac3', 'alac', 'h264', 'hevc', 'mjpeg', 'mp3']);
  });

  it('refuses the codecs whose stream copy differs or fails without it, and any other', () => {
    for (const codecs of [['vp9', 'aac'], ['av1'], ['mpeg4', 'aac'], ['h264', 'opus'], ['h264', 'aac', 'unknown'], ['h264', 'aac', 'bin_data']]) {
      expect(skipsStreamInfo({ ...plain, codecs })).toBe(false);
    }
  });

  it('refuses a fragmented MP4, or one whose layout is unknown', () => {
    expect(skipsStreamInfo({ contentType: 'video/mp4', codecs: ['h264', 'aac'], fragmented: true })).toBe(false);
    expect(skipsStreamInfo({ contentType: 'video/mp4', codecs: ['h264', 'aac'], fragmented: null })).toBe(false);
    expect(skipsStreamInfo({ contentType: 'video/mp4', codecs: ['h264', 'aac'] })).toBe(false);
  });

  it('refuses other containers, even with the same codecs', () => {
    for (const contentType of ['video/x-matroska', 'video/webm', 'video/mp2t', 'video/x-flv', 'audio/mpeg', 'audio/aac', 'image/jpeg']) {
      expect(skipsStreamInfo({ contentType, codecs: ['h264', 'aac'], fragmented: false })).toBe(false);
    }
  });

  it('refuses when the codecs are not known (a job from a gateway that does not send them)', () => {
    expect(skipsStreamInfo({ ...plain })).toBe(false);
    expect(skipsStreamInfo({ ...plain, codecs: [] })).toBe(false);
  });
});
