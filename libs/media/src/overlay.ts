import type { OverlayParams } from '@clipyard/contracts';
import { MediaError } from './media-error';

export type OverlayTemplate = OverlayParams['template'];
export type OverlayOverrides = NonNullable<OverlayParams['overrides']>;
type Position = NonNullable<OverlayOverrides['position']>;

interface TemplateStyle {
  /** Font size as a fraction of the frame height. */
  sizeRatio: number;
  bold: boolean;
  fontColor: string;
  fontOpacity: number;
  position: Position;
  box: boolean;
  boxColor: string;
  boxOpacity: number;
  border: number;
}

/** The look of each template; overrides replace single fields. */
export const TEMPLATE_STYLES: Record<OverlayTemplate, TemplateStyle> = {
  default: { sizeRatio: 0.06, bold: false, fontColor: 'white', fontOpacity: 1, position: 'bottom', box: true, boxColor: 'black', boxOpacity: 0.5, border: 0 },
  title: { sizeRatio: 0.1, bold: true, fontColor: 'white', fontOpacity: 1, position: 'center', box: false, boxColor: 'black', boxOpacity: 0.5, border: 3 },
  caption: { sizeRatio: 0.05, bold: false, fontColor: 'white', fontOpacity: 1, position: 'bottom', box: true, boxColor: 'black', boxOpacity: 0.65, border: 0 },
  lower_third: { sizeRatio: 0.055, bold: true, fontColor: 'white', fontOpacity: 1, position: 'bottom_left', box: true, boxColor: '#1f3a93', boxOpacity: 0.85, border: 0 },
  watermark: { sizeRatio: 0.035, bold: false, fontColor: 'white', fontOpacity: 0.6, position: 'bottom_right', box: false, boxColor: 'black', boxOpacity: 0, border: 0 },
};

/** Colour names ffmpeg knows that we accept (the contract allows any lowercase word; we narrow it). */
const COLOR_NAMES = new Set(
  'white black red green blue yellow cyan magenta orange purple pink gray grey silver navy teal maroon olive lime aqua fuchsia brown gold beige ivory coral crimson indigo violet khaki salmon tan turquoise lavender plum orchid tomato chocolate darkblue darkred darkgreen darkgray lightblue lightgreen lightgray skyblue steelblue royalblue midnightblue'.split(' '),
);

/** `#rrggbb[aa]` or a known name → ffmpeg colour syntax, with an opacity. */
export function ffColor(color: string, opacity = 1): string {
  const hex = /^#?([0-9a-fA-F]{6})([0-9a-fA-F]{2})?$/.exec(color);
  let base: string;
  if (hex) base = `0x${hex[1]}`;
  else if (COLOR_NAMES.has(color)) base = color;
  else throw new MediaError('VALIDATION_FAILED', `Unknown colour ${JSON.stringify(color.slice(0, 30))}`);
  const alpha = hex?.[2] ? (parseInt(hex[2], 16) / 255) * opacity : opacity;
  return `${base}@${Math.max(0, Math.min(1, alpha)).toFixed(3)}`;
}

const MARGIN = 'h*0.05';
const POSITIONS: Record<Position, { x: string; y: string }> = {
  top: { x: '(w-text_w)/2', y: MARGIN },
  center: { x: '(w-text_w)/2', y: '(h-text_h)/2' },
  bottom: { x: '(w-text_w)/2', y: `h-text_h-${MARGIN}` },
  top_left: { x: MARGIN, y: MARGIN },
  top_right: { x: `w-text_w-${MARGIN}`, y: MARGIN },
  bottom_left: { x: MARGIN, y: `h-text_h-${MARGIN}` },
  bottom_right: { x: `w-text_w-${MARGIN}`, y: `h-text_h-${MARGIN}` },
};

/** Paths go into the filter string, so they must not contain anything the filter parser reads. */
const SAFE_PATH = /^[A-Za-z0-9_./-]+$/;
export function assertFilterSafePath(p: string, what: string): void {
  if (!SAFE_PATH.test(p)) throw new MediaError('MEDIA_CONFIG_INVALID', `${what} path has characters a filter graph cannot carry safely`, true);
}

/**
 * The text exactly as it will be drawn: line endings normalised, control characters (other than
 * newline) dropped, long lines wrapped at word boundaries to fit `maxChars`.
 */
export function prepareText(text: string, maxChars: number): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
  const lines: string[] = [];
  for (const line of clean.split('\n')) {
    let cur = '';
    for (const word of line.split(' ')) {
      if (cur && [...cur].length + 1 + [...word].length > maxChars) {
        lines.push(cur);
        cur = word;
      } else cur = cur ? `${cur} ${word}` : word;
      while ([...cur].length > maxChars) {
        const chars = [...cur];
        lines.push(chars.slice(0, maxChars).join(''));
        cur = chars.slice(maxChars).join('');
      }
    }
    lines.push(cur);
  }
  return lines.join('\n');
}

export interface DrawtextInput {
  template: OverlayTemplate;
  overrides?: OverlayOverrides;
  frameWidth: number;
  frameHeight: number;
  /** File holding the text (drawtext reads it; the text never enters the filter string). */
  textFile: string;
  fontFile: string;
  boldFontFile: string;
}

export function resolveStyle(template: OverlayTemplate, o: OverlayOverrides = {}, frameHeight: number) {
  const t = TEMPLATE_STYLES[template];
  return {
    fontSize: o.font_size ?? Math.max(12, Math.round(frameHeight * t.sizeRatio)),
    bold: t.bold,
    fontColor: ffColor(o.font_color ?? t.fontColor, t.fontOpacity),
    position: o.position ?? t.position,
    box: o.box ?? t.box,
    boxColor: ffColor(o.box_color ?? t.boxColor, o.box_opacity ?? t.boxOpacity),
    border: t.border,
  };
}

/** The drawtext filter for a template + overrides. `expansion=none` keeps `%{…}` literal. */
export function drawtextFilter(i: DrawtextInput): string {
  const s = resolveStyle(i.template, i.overrides, i.frameHeight);
  const font = s.bold ? i.boldFontFile : i.fontFile;
  assertFilterSafePath(font, 'font');
  assertFilterSafePath(i.textFile, 'text file');
  const pos = POSITIONS[s.position];
  const opts = [
    `fontfile=${font}`,
    `textfile=${i.textFile}`,
    'expansion=none',
    `fontsize=${s.fontSize}`,
    `fontcolor=${s.fontColor}`,
    `line_spacing=${Math.round(s.fontSize * 0.25)}`,
    `x=${pos.x}`,
    `y=${pos.y}`,
    'fix_bounds=1',
  ];
  if (s.box) opts.push('box=1', `boxcolor=${s.boxColor}`, `boxborderw=${Math.round(s.fontSize * 0.35)}`);
  if (s.border) opts.push(`borderw=${s.border}`, 'bordercolor=black@0.8');
  return `drawtext=${opts.join(':')}`;
}

/** Characters per line that fit the frame at a font size (DejaVu Sans averages ~0.55 em). */
export const maxCharsPerLine = (frameWidth: number, fontSize: number) =>
  Math.max(8, Math.floor((frameWidth * 0.9) / (fontSize * 0.58)));
