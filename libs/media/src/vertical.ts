export type VerticalMode = 'crop' | 'pad';

/** Even 9:16 frame size for a source: height a multiple of 32 (so width = h*9/16 is even), at most 1920. */
export function verticalSize(srcW: number, srcH: number, mode: VerticalMode): { width: number; height: number } {
  // Cropping keeps the source height; padding keeps the longest side so nothing is shrunk needlessly.
  const basis = mode === 'crop' ? srcH : Math.max(srcW, srcH);
  const height = Math.max(320, Math.min(1920, Math.floor(basis / 32) * 32));
  return { width: (height * 9) / 16, height };
}

/** A filter chain turning any frame into exactly width×height (9:16), by centre crop or letterbox. */
export function verticalFilter(srcW: number, srcH: number, mode: VerticalMode): string {
  const { width, height } = verticalSize(srcW, srcH, mode);
  if (mode === 'crop') {
    return `crop=w='min(iw,ih*9/16)':h='min(ih,iw*16/9)',scale=${width}:${height},setsar=1`;
  }
  return `scale=${width}:${height}:force_original_aspect_ratio=decrease:force_divisible_by=2,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1`;
}
