import { AppError } from '@clipyard/contracts';
import { parseTimemark } from './ffmpeg.runner';
import { drawtextFilter, ffColor, prepareText } from './overlay';
import { verticalSize } from './vertical';

describe('overlay helpers', () => {
  it('keeps hostile text out of the filter string entirely', () => {
    const f = drawtextFilter({ template: 'default', frameWidth: 1280, frameHeight: 720, textFile: '/tmp/job/overlay-text.txt', fontFile: '/f/a.ttf', boldFontFile: '/f/b.ttf' });
    expect(f).toMatch(/^drawtext=fontfile=\/f\/a\.ttf:textfile=\/tmp\/job\/overlay-text\.txt:expansion=none:/);
    expect(f.split(',')).toHaveLength(1);
  });

  it('refuses paths the filter parser would read', () => {
    expect(() =>
      drawtextFilter({ template: 'default', frameWidth: 100, frameHeight: 100, textFile: "/tmp/x':drawbox", fontFile: '/f/a.ttf', boldFontFile: '/f/b.ttf' }),
    ).toThrow(AppError);
  });

  it('maps colours and refuses unknown names', () => {
    expect(ffColor('#FF8800', 0.5)).toBe('0xFF8800@0.500');
    expect(ffColor('ff880080')).toBe('0xff8800@0.502');
    expect(ffColor('navy')).toBe('navy@1.000');
    expect(() => ffColor('notacolour')).toThrow(/Unknown colour/);
  });

  it('normalises line endings, drops control characters and wraps long lines', () => {
    expect(prepareText('a\r\nb\rc\u0007d', 80)).toBe('a\nb\ncd');
    expect(prepareText('one two three four', 9)).toBe('one two\nthree\nfour');
    expect(prepareText('🎬🎬🎬🎬', 2)).toBe('🎬🎬\n🎬🎬');
  });
});

describe('vertical size', () => {
  it.each([
    [1920, 1080, 'crop'],
    [1280, 720, 'crop'],
    [1280, 720, 'pad'],
    [641, 359, 'pad'],
    [720, 1280, 'crop'],
  ] as const)('%ix%i %s → exact, even 9:16', (w, h, mode) => {
    const s = verticalSize(w, h, mode);
    expect(s.width * 16).toBe(s.height * 9);
    expect(s.width % 2).toBe(0);
  });
});

describe('parseTimemark', () => {
  it('reads ffmpeg time marks', () => {
    expect(parseTimemark('00:01:02.50')).toBe(62.5);
    expect(parseTimemark('-00:00:00.04')).toBeNull();
    expect(parseTimemark('N/A')).toBeNull();
  });
});
