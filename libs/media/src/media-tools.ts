import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { lowerToolPriority } from './tool-priority';

/** What a media app needs from the OS; `apt-get install -y ffmpeg fonts-dejavu-core` provides all of it. */
export const MEDIA_TOOLS_INSTALL = 'sudo apt-get install -y ffmpeg fonts-dejavu-core';

const runs = (bin: string) =>
  new Promise<boolean>((resolve) => lowerToolPriority(execFile(bin, ['-version'], { timeout: 10_000 }, (err) => resolve(!err)).pid));
const exists = (file: string) => access(file).then(() => true, () => false);

/**
 * The missing pieces among ffmpeg, ffprobe and the overlay font (e.g. `["ffprobe (ffprobe)"]`);
 * empty when all are there. Pass only what the app uses.
 */
export async function missingMediaTools(t: { ffmpeg?: string; ffprobe?: string; font?: string }): Promise<string[]> {
  const missing: string[] = [];
  if (t.ffmpeg && !(await runs(t.ffmpeg))) missing.push(`ffmpeg (${t.ffmpeg})`);
  if (t.ffprobe && !(await runs(t.ffprobe))) missing.push(`ffprobe (${t.ffprobe})`);
  if (t.font && !(await exists(t.font))) missing.push(`font ${t.font}`);
  return missing;
}
